"""Meeting-notes answers (search and decisions) rendered from real results of the demo's notes, in English
and Vietnamese: grounded, and a changed figure caught."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from test_answers import _grounded, _perturbed

from assistant import answers, grounding
from assistant.runtime import Runtime
from assistant.settings import Settings
from tools.base import run_tool
from tools.context import ToolContext

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def notes_calls(demo_home, tmp_path_factory) -> dict[str, tuple[str, dict, dict]]:
    from sop_engine.service.notes import ingest_notes

    home = tmp_path_factory.mktemp("answers-notes") / "sop-home"
    shutil.copytree(demo_home, home)
    runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
    ingest_notes(runtime.store, runtime.notes_store(), home / "demo" / "notes", "cli:test")
    ctx = ToolContext(runtime.store, date(2026, 11, 15), "test", "viewer", notes=runtime.notes_store)
    cases = {
        "search": ("search_meeting_notes", {"query": "promo decision"}),
        "search_none": ("search_meeting_notes", {"query": "promo", "period": "2019-01"}),
        "decisions": ("list_decisions", {}),
        "open_items": ("list_decisions", {"kind": "action_item", "open_only": True}),
        "decisions_none": ("list_decisions", {"owner": "qqzzqq"}),
    }
    out = {name: (tool, args, run_tool(tool, args, ctx)) for name, (tool, args) in cases.items()}
    runtime.store.engine.dispose()
    return out


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("case", ["search", "search_none", "decisions", "open_items", "decisions_none"])
def test_notes_answers_are_grounded_in_both_languages(notes_calls, case, language):
    tool, args, result = notes_calls[case]
    assert "error" not in result, result
    text = answers.render(tool, args, result, language)
    assert _grounded(text, args, result, language).ok, text
    pool = grounding.source_numbers([{"args": args, "result": result}], "", answers.template_text(language),
                                    language=language)
    for changed, raw, value, decimals, percent in _perturbed(text, language):
        if not grounding._matches(value, decimals, percent, pool):
            assert not _grounded(changed, args, result, language).ok, (raw, changed)


def test_decisions_in_vietnamese_use_vietnamese_words_and_dates(notes_calls):
    tool, args, result = notes_calls["open_items"]
    text = answers.render(tool, args, result, "vi")
    item = result["items"][0]
    y, m, d = item["due_date"].split("-")
    assert f"hạn {int(d)}/{int(m)}/{y}" in text and "[chưa xong]" in text
    assert text.split("\n")[0].startswith(f"{result['count']} quyết định và việc cần làm khớp")
    tool, args, result = notes_calls["search"]
    vi = answers.render(tool, args, result, "vi")
    assert vi.startswith("Trích từ biên bản họp về “promo decision”") and result["hits"][0]["file"] in vi
    assert answers.render(*notes_calls["decisions_none"], "vi") == answers.say("decisions_none", "vi")
