"""``GET /v1/pack?format=html`` opened in headless Chromium (Debian's ``chromium``): every section shows a
figure of the pack's engine document, and every chart decodes (natural width > 0). A screenshot is left in
``tests/artifacts/``. Skipped without Chromium, except when ``CI=true``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from server import ApiServer

from assistant.answers import formats
from assistant.runtime import Runtime
from sop_engine.pack import SECTIONS

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
# after load, each image's decoded width is written into the DOM, which --dump-dom then prints
PROBE = ("<script>window.addEventListener('load',()=>{for(const i of document.images)"
         "{i.setAttribute('data-natural-width',String(i.naturalWidth))}document.body.dataset.probed='1'})</script>")


def _chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


class Sections(HTMLParser):
    """Text per ``<section data-section>`` and every ``<img>``'s attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.images: list[dict] = []
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("data-section"):
            self.current = attrs["data-section"]
            self.text[self.current] = ""
        if tag == "img":
            self.images.append({**attrs, "section": self.current})

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.text[self.current] += data


def _figures(doc: dict) -> dict[str, str]:
    """One figure per section, from the pack document, as the pack writes it."""
    f, s, currency = formats(doc["language"]), doc["sections"], doc["currency"]
    capacity = s["capacity"]["rows"]
    return {
        "shortages": f.number(s["shortages"]["total_shortage"]),
        "capacity": f.number(capacity[0]["overload_hours"] if capacity else s["capacity"]["overloaded_count"]),
        "plan_vs_forecast": f.number(s["plan_vs_forecast"]["rows"][0]["sales_plan"]),
        "revenue_vs_budget": f.money(s["revenue_vs_budget"]["total"]["budget"], currency),
        "accuracy": f.percent(s["accuracy"]["wape"]),
        "changes": f"{len(s['changes']['new_risks'])} ",
        "action_items": f.number(s["action_items"]["open"]),
        "decisions": f.number(s["decisions"]["count"]),
    }


def test_the_html_pack_renders_in_chromium(demo, tmp_path):
    chromium = _chromium()
    with ApiServer(Runtime()) as api, api.client() as client:
        assert client.get("/v1/pack").status_code == 200  # a first pack: the second one says what changed
        doc = client.get("/v1/pack", params={"period": "2026-11"}).json()
        answer = client.get("/v1/pack", params={"period": "2026-11", "format": "html"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert doc["sections"]["changes"]["previous_pack"] is not None
    page = tmp_path / "pack.html"
    page.write_text(answer.text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    assert "http://" not in answer.text and "https://" not in answer.text  # standalone: nothing to fetch

    common = [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000"]
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "pack.png"
    subprocess.run([*common, "--window-size=1200,3000", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000

    assert 'data-probed="1"' in dom
    parsed = Sections()
    parsed.feed(dom)
    assert list(parsed.text) == list(SECTIONS)
    for key, figure in _figures(doc).items():
        assert figure in parsed.text[key], (key, figure, parsed.text[key][:300])
    assert len(parsed.images) >= 4 and {i["section"] for i in parsed.images} >= {"shortages", "plan_vs_forecast",
                                                                               "revenue_vs_budget", "accuracy"}
    for image in parsed.images:
        assert re.fullmatch(r"[1-9]\d*", image.get("data-natural-width", "")), image.get("alt")
        assert image["src"].startswith("data:image/png;base64,")


def test_pack_route_serves_every_format_and_checks_its_arguments(demo):
    with ApiServer(Runtime()) as api, api.client() as client:
        pdf = client.get("/v1/pack", params={"format": "pdf"})
        md = client.get("/v1/pack", params={"format": "md"})
        bad = client.get("/v1/pack", params={"period": "1999-01"})
        wrong = client.get("/v1/pack", params={"format": "docx"})
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
    assert md.text.startswith("# Pre-S&OP pack") and md.headers["content-type"].startswith("text/markdown")
    assert bad.status_code == 422 and "before the planning month" in bad.json()["detail"]
    assert wrong.status_code == 422
