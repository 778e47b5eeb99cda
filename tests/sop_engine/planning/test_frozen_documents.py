"""Regression: the full gaps, what-if, reconcile and KPI documents of a fixed company do not change.

The documents are a public interface compared byte for byte by the CLI, the tools and HTTP, so speed work
on the engine must leave every byte of them as it was. The frozen answers were written by
``python -m tests.sop_engine.planning.frozen_company`` before the engine was optimised; re-freeze only for
an intended change of the documents, and say so in the commit.
"""

import json

import pytest

from tests.sop_engine.planning.frozen_company import answer, frozen, questions

QUESTIONS = questions()


def first_difference(got, want, path="$"):
    """The JSON path of the first place two documents differ, with both values."""
    if type(got) is not type(want):
        return f"{path}: {got!r} != {want!r}"
    if isinstance(got, dict):
        if list(got) != list(want):
            return f"{path}: keys {list(got)} != {list(want)}"
        for k in got:
            found = first_difference(got[k], want[k], f"{path}.{k}")
            if found:
                return found
        return None
    if isinstance(got, list):
        for k, (g, w) in enumerate(zip(got, want, strict=False)):
            found = first_difference(g, w, f"{path}[{k}]")
            if found:
                return found
        return None if len(got) == len(want) else f"{path}: {len(got)} items != {len(want)}"
    return None if got == want else f"{path}: {got!r} != {want!r}"


def test_every_question_is_frozen():
    assert sorted(frozen()) == sorted(QUESTIONS)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_document_unchanged(name):
    want = frozen()[name]
    got = answer(QUESTIONS[name])
    if got != want:
        diff = first_difference(json.loads(got), json.loads(want))
        pytest.fail(f"{name}: document changed at {diff or 'key order or float formatting'}")
