"""``Resolver.closest`` on a large catalogue scores only the names sharing a word with the text."""

import random

import pandas as pd

from sop_engine import resolver as resolver_module
from sop_engine.resolver import Resolver

COLOURS = "Amber Cobalt Ivory Jade Onyx Pearl Ruby Slate".split()
ITEMS = "Kettle Lantern Basket Blanket Mirror Planter Teapot Vase".split()


def _catalogue(size: int) -> pd.DataFrame:
    rng = random.Random(size)
    return pd.DataFrame(
        [(f"HX-{i:05d}", f"{rng.choice(COLOURS)} {rng.choice(ITEMS)} Model{i} {rng.choice(['1L', '2L', '500ml'])}",
          f"Group {i % 12}") for i in range(size)],
        columns=["sku", "name", "family"],
    )


def test_a_typed_name_with_a_typo_is_found_among_thousands():
    products = _catalogue(3_000)
    resolver = Resolver(products)
    _, names = resolver._closest_pool(("sku", "family"))
    assert len(names) > resolver_module.CLOSEST_SCAN  # the word filter is in use
    name = products.loc[2041, "name"]  # e.g. "Jade Teapot Model2041 2L"
    typed = name.replace("Model2041", "Modle2041").lower()
    found = resolver.closest(typed)
    assert found and found[0].code == "HX-02041"


def test_the_filter_keeps_the_best_matches_of_a_full_scan(monkeypatch):
    products = _catalogue(3_000)
    texts = ["cobalt lantern model17", "ivory vasse model2999 1l", "onyx mirror", "pearl planter model123 500ml"]
    filtered = [[e.code for e in Resolver(products).closest(t)] for t in texts]
    monkeypatch.setattr(resolver_module, "CLOSEST_SCAN", 10**9)
    full = [[e.code for e in Resolver(products).closest(t)] for t in texts]
    for f, s in zip(filtered, full, strict=True):
        assert f[:1] == s[:1] and f


def test_a_text_sharing_no_word_with_any_name_finds_nothing():
    resolver = Resolver(_catalogue(3_000))
    assert resolver.closest("quartz sprocket") == []
