"""The release of an answer as it is written: whole sentences only, each once the text up to it is
accepted; nothing after a refusal; a reset when the answer shown does not continue what was released."""

from __future__ import annotations

from assistant.streaming import Release


def _release(accept):
    events: list[tuple[str, object]] = []
    return Release(lambda kind, data: events.append((kind, data)), accept), events


def _text(events) -> str:
    return "".join(str(d) for k, d in events if k == "token")


def test_sentences_are_released_whole_and_the_answer_completes_them():
    release, events = _release(lambda text: True)
    for piece in ["OAT-1L is ", "short in Dec", "ember 2026. It ", "needs 2.5 pallets", ". More"]:
        release.feed("reply-1", piece)
    assert _text(events) == "OAT-1L is short in December 2026. It needs 2.5 pallets."
    release.finish("OAT-1L is short in December 2026. It needs 2.5 pallets. More to come.")
    assert _text(events) == "OAT-1L is short in December 2026. It needs 2.5 pallets. More to come."
    assert "reset" not in [k for k, _ in events]


def test_nothing_is_released_after_a_refused_sentence_and_the_replacement_comes_after_a_reset():
    release, events = _release(lambda text: "987654" not in text)
    release.feed("reply-1", "Checked. It is short by 987654 units. And more. ")
    assert _text(events) == "Checked."
    release.finish("No — it is not short.")
    kinds = [k for k, _ in events]
    assert "reset" in kinds and _text(events[kinds.index("reset"):]) == "No — it is not short."


def test_a_later_reply_replaces_an_earlier_ones_text():
    release, events = _release(lambda text: True)
    release.feed("reply-1", "Let me check. ")
    release.feed("reply-2", "It is short. ")
    kinds = [k for k, _ in events]
    assert kinds.count("reset") == 1 and _text(events[kinds.index("reset"):]) == "It is short."


def test_without_a_listener_nothing_is_sent_and_after_close_nothing_more():
    Release(None).feed("r", "Text. ")  # no listener: no error, nothing to send
    release, events = _release(lambda text: True)
    release.close()
    release.feed("r", "Late text. ")
    assert events == []
