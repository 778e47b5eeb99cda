"""Resolving SKUs, names and families, with close matches on a miss."""

import pytest

from sop_engine.errors import AmbiguousProduct, NoData, UnknownProduct
from sop_engine.products import resolve_name, resolve_scope
from tests.sop_engine.planning.factories import product, table

PRODUCTS = table(
    "products",
    [
        product("OAT-1L", "Plant milks", name="Oat Milk 1L"),
        product("OAT-2L", "Plant milks", name="Oat Milk 2L"),
        product("SOY-1L", "Plant milks", name="Soy Milk 1L"),
        product("CB-500", "Coffee", name="Coffee Beans 500g"),
    ],
)


def test_scope_by_code_name_family_and_all():
    assert resolve_scope(PRODUCTS, sku="oat-1l") == ["OAT-1L"]
    assert resolve_scope(PRODUCTS, sku="Coffee Beans 500g") == ["CB-500"]
    assert resolve_scope(PRODUCTS, family=" plant MILKS ") == ["OAT-1L", "OAT-2L", "SOY-1L"]
    assert len(resolve_scope(PRODUCTS)) == 4
    with pytest.raises(NoData, match="not in family"):
        resolve_scope(PRODUCTS, sku="CB-500", family="Plant milks")


def test_unknown_sku_and_family_carry_closest_matches():
    with pytest.raises(UnknownProduct) as err:
        resolve_scope(PRODUCTS, sku="OAT-1")
    assert err.value.closest[0].startswith("OAT-1L")
    with pytest.raises(UnknownProduct) as err:
        resolve_scope(PRODUCTS, family="cofee")
    assert err.value.closest[0] == "family Coffee" and err.value.kind == "family"


def test_resolve_name():
    assert resolve_name(PRODUCTS, "coffee").to_dict() == {
        "kind": "family",
        "code": "Coffee",
        "label": "Coffee",
    }
    assert resolve_name(PRODUCTS, "Soy Milk 1l").code == "SOY-1L"
    assert resolve_name(PRODUCTS, "soy milk 1 l").code == "SOY-1L"  # fuzzy, one clear winner
    with pytest.raises(AmbiguousProduct):
        resolve_name(PRODUCTS, "oat milk")
    with pytest.raises(UnknownProduct) as err:
        resolve_name(PRODUCTS, "tea bags")
    assert err.value.closest
    with pytest.raises(NoData):
        resolve_scope(table("products", []))
