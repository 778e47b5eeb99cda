"""The language of a question and the accent-insensitive fold."""

from __future__ import annotations

import pytest

from sop_engine.language import detect_language, fold, word_counts


def test_fold_drops_accents_case_and_the_d_with_stroke():
    assert fold("Nước Mắm ĐẶC BIỆT") == "nuoc mam dac biet"
    assert fold("Amélie") == "amelie"
    assert fold("Straße") == "strasse"
    assert fold("e\u0301") == fold("é") == "e"  # decomposed input


@pytest.mark.parametrize(
    "question",
    ["co thieu nuoc mam khong", "có thiếu nước mắm không", "dự báo quý 1", "chay lai du bao thang sau",
     "tỷ lệ đáp ứng năm nay", "doanh so thang 10", "ty le dap ung nam nay", "Quyết định gì về khuyến mãi?"],
)
def test_vietnamese_with_and_without_diacritics(question):
    assert detect_language(question) == "vi"


@pytest.mark.parametrize(
    "question",
    ["are we short on oat milk next month?", "what were sales in October?", "fill rate YTD",
     "open action items for lan", "what if the order slips two weeks", "may we run short in Q1?",
     "the budget gap", "", "OAT-1L 2026-12"],
)
def test_english_and_ties_are_english(question):
    assert detect_language(question) == "en"


def test_a_product_name_decides_nothing():
    names = ["Nước mắm Phú Quốc 500ml", "Trà sữa có đường"]
    assert detect_language("Nước mắm Phú Quốc stock?") == "vi"  # without the catalogue its letters count
    assert detect_language("Nước mắm Phú Quốc stock?", names) == "en"
    assert detect_language("nuoc mam phu quoc co thieu khong", names) == "vi"
    assert word_counts("Nước mắm Phú Quốc stock?", names) == {"en": 1, "vi": 0}
    # a listed word inside a product name still counts
    assert word_counts("có thiếu trà sữa không", names)["vi"] >= 3
