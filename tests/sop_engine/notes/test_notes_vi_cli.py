"""Vietnamese meeting notes through the CLI on a real plan store and a real chroma folder (local MiniLM):
ingest, ``sop notes decisions --json``, ``sop notes search``, and the list of action-item owners."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli.helpers import sop, sop_json
from factories import write_company

from assistant.cli.context import runtime
from sop_engine.service.notes import list_owners

pytestmark = pytest.mark.slow  # loads the real MiniLM model

VI_NOTES = Path(__file__).parent / "vi_notes"
PRODUCTS = """sku,name,family
NM-PQ-500,Nước mắm Phú Quốc 500ml,Nước mắm
NM-PQ-1L,Nước mắm Phú Quốc 1L,Nước mắm
MI-BO-75,Mì bò 75g,Mì gói
MI-TOM-75,Mì tôm chua cay 75g,Mì gói
CF-SUA-250,Cà phê sữa lon 250ml,Cà phê
TR-XANH-350,Trà xanh chanh 350ml,Trà
"""
SKUS = [line.split(",")[0] for line in PRODUCTS.splitlines()[1:]]


@pytest.fixture
def vi_company(tmp_path):
    sales = "sku,period,quantity\n" + "".join(
        f"{sku},2026-{m:02d},{100 + 10 * n + m}\n" for n, sku in enumerate(SKUS) for m in range(1, 11)
    )
    inventory = "sku,on_hand,as_of\n" + "".join(f"{sku},500,2026-11-14\n" for sku in SKUS)
    folder = write_company(
        tmp_path / "cong-ty",
        **{"products.csv": PRODUCTS, "sales_history.csv": sales, "inventory.csv": inventory, "supply.csv": None},
    )
    assert sop_json("data", "load", str(folder))["rows"]["products"] == 6
    ingested = sop_json("notes", "ingest", str(VI_NOTES))
    assert (ingested["notes"], ingested["decisions"], ingested["action_items"], ingested["skipped"]) == (5, 11, 12, [])
    return folder


def test_decisions_of_vietnamese_notes_through_the_cli(vi_company):
    doc = sop_json("notes", "decisions")
    assert doc["count"] == 23
    decisions = sop_json("notes", "decisions", "--kind", "decision")["items"]
    assert len(decisions) == 11 and all(i["status"] == "decided" for i in decisions)
    move = next(i for i in decisions if "NM-PQ-1L" in i["text"])
    assert (move["skus"], move["families"], move["section"], move["date"]) == (
        ["NM-PQ-1L"], ["Nước mắm"], "Quyet dinh", "2026-10-05"
    )
    opened = sop_json("notes", "decisions", "--open")["items"]
    assert len(opened) == 10 and all(i["kind"] == "action_item" and i["status"] == "open" for i in opened)
    thu = sop_json("notes", "decisions", "--owner", "thu")["items"]  # lower case, first name
    assert [(i["owner"], i["due_date"]) for i in thu] == [("Le Thi Thu", "2026-11-20"), ("Le Thi Thu", "2026-10-09")]
    lan = sop_json("notes", "decisions", "--owner", "Nguyen Thi Lan")["items"]  # typed without accents
    assert {i["owner"] for i in lan} == {"Nguyễn Thị Lan"} and len(lan) == 2
    assert [i["status"] for i in lan] == ["open", "done"]
    minh = sop_json("notes", "decisions", "--owner", "trần văn minh")["items"]
    assert sorted(i["owner"] for i in minh) == ["Tran Van Minh", "Trần Văn Minh", "trần văn minh"]
    po = sop_json("notes", "decisions", "--mentions", "po-2207")["items"]
    assert [(i["owner"], i["refs"]) for i in po] == [("Le Thi Thu", ["PO-2207"])]
    tea = sop_json("notes", "decisions", "--sku", "Trà")["items"]
    assert tea and all("Trà" in i["families"] for i in tea)
    assert {i["file"] for i in tea} == {"2026-10-22-sop-dieu-hanh.md", "2026-11-03-san-pham.md"}
    # the table for a person shows the Vietnamese text as written
    shown = sop("notes", "decisions", "--owner", "huy")
    assert shown.exit_code == 0 and all(w in shown.stdout for w in ("2 item(s)", "Phạm Quốc", "đấu", "khuyến"))


def test_owners_of_the_action_items(vi_company):
    assert list_owners(runtime().store) == [
        "Do Minh Chau", "Le Thi Thu", "Nguyễn Thị Lan", "Phạm Quốc Huy", "Trần Văn Minh", "Võ Hoàng Nam"
    ]


def test_search_vietnamese_notes_through_the_cli(vi_company):
    hits = sop_json("notes", "search", "thieu hang nuoc mam", "--limit", "3")["hits"]
    assert (hits[0]["file"], hits[0]["section"]) == ("2026-10-05-cung-ung.md", "Ton kho va thieu hang")
    moved = sop_json("notes", "search", "chuyển hàng từ kho Đà Nẵng", "--limit", "3")["hits"]
    assert ("2026-10-05-cung-ung.md", "Quyet dinh") in [(h["file"], h["section"]) for h in moved]
    execs = sop_json("notes", "search", "máy chiết rót", "--meeting", "executive_sop", "--since", "2026-10")
    assert execs["hits"] and all(h["meeting"] == "executive_sop" for h in execs["hits"])
    top = execs["hits"][0]
    assert top["section"] in ("Các quyết định", "Hành động") and "máy chiết rót" in top["text"]
    fish = sop_json("notes", "search", "quyet dinh", "--sku", "NM-PQ-1L")
    assert fish["filters"]["sku"] == "NM-PQ-1L"
    assert fish["hits"] and all("NM-PQ-1L" in h["text"] for h in fish["hits"])
    shown = sop("notes", "search", "gia công mì bò")
    assert shown.exit_code == 0 and "Phân công công việc" in shown.stdout


def test_no_owners_before_any_ingest(tmp_path):
    sop_json("data", "load", str(write_company(tmp_path / "co")))
    assert list_owners(runtime().store) == []


def test_a_slash_order_reference_in_a_table_of_action_items(vi_company, tmp_path):
    folder = tmp_path / "more-notes"
    folder.mkdir()
    (folder / "2026-11-14-cung-ung.md").write_text(
        "---\ndate: 2026-11-14\nmeeting: supply_review\n---\n## Đầu việc\n"
        "| Việc | Phụ trách | Hạn | Tình trạng |\n|---|---|---|---|\n"
        "| Đôn đốc giao PO/2026/001 cho NM-PQ-500 | Lê Thị Thu | 20/11 | |\n"
        "| Chốt lịch xe | Võ Hoàng Nam | 2026-11-16 | xong |\n",
        encoding="utf-8",
    )
    assert sop_json("notes", "ingest", str(folder))["action_items"] == 2
    po = sop_json("notes", "decisions", "--mentions", "PO/2026/001")["items"]
    assert [(i["owner"], i["due_date"], i["refs"], i["skus"]) for i in po] == [
        ("Lê Thị Thu", "2026-11-20", ["PO/2026/001"], ["NM-PQ-500"])
    ]
    nam = sop_json("notes", "decisions", "--owner", "nam")["items"]
    done = [i for i in nam if i["file"] == "2026-11-14-cung-ung.md"]
    assert [(i["status"], i["due_date"]) for i in done] == [("done", "2026-11-16")]
    hits = sop_json("notes", "search", "don doc giao PO/2026/001", "--limit", "2")["hits"]
    assert hits[0]["file"] == "2026-11-14-cung-ung.md" and "PO/2026/001" in hits[0]["text"]
    owners = list_owners(runtime().store)
    # one owner however spelled: the most frequent spelling (two "Le Thi Thu" against one "Lê Thị Thu")
    assert [o for o in owners if o.endswith("Thu")] == ["Le Thi Thu"]
