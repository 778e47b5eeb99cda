"""``check_shortages`` and ``reconcile_plan``: the tool result, the CLI's ``--json`` and the HTTP body are one
document for the same resolved arguments (the asked months' peak backlog, the scope and the source are the
engine's, not the tool's), and a model reads a compact view of it while the turn document keeps it whole."""

from __future__ import annotations

import json

from cli.helpers import sop_json
from test_new_tools_documents import api, viewer  # noqa: F401  (the served demo and a viewer's context)

from tools.base import run_tool
from tools.lc import MAX_SKUS, for_model
from tools.views import estimate_tokens

SAME_QUESTION = [
    ("check_shortages", {"product": "oat milk 1l", "period": "next month"},
     ["gaps", "--sku", "OAT-1L", "--period", "2026-12"], "/v1/shortages", {"sku": "OAT-1L", "period": "2026-12"}),
    ("check_shortages", {"product": "Plant Milks", "period": "Q1"},
     ["gaps", "--family", "Plant Milks", "--period", "2027-01..2027-03"], "/v1/shortages",
     {"family": "Plant Milks", "period": "2027-01..2027-03"}),
    ("check_shortages", {}, ["gaps", "--months", "3"], "/v1/shortages", {"months": 3}),
    ("reconcile_plan", {"family": "Cold Brew", "period": "Q1"},
     ["reconcile", "--family", "Cold Brew", "--period", "2027-01..2027-03"], "/v1/reconciliation",
     {"family": "Cold Brew", "period": "2027-01..2027-03"}),
]


def test_tool_cli_and_http_give_the_same_document(api):  # noqa: F811
    ctx = viewer()
    with api.client("view-key") as client:
        for name, args, cli, path, query in SAME_QUESTION:
            result = run_tool(name, args, ctx)
            assert "error" not in result, (name, result)
            tool_doc = json.loads(json.dumps(result, ensure_ascii=False))
            response = client.get(path, params=query)
            assert response.status_code == 200, (path, response.text)
            assert tool_doc == sop_json(*cli) == response.json(), (name, args)


def test_the_asked_months_carry_their_peak_backlog_and_the_model_reads_a_compact_view(api):  # noqa: F811
    doc = run_tool("check_shortages", {"period": "2026-12..2027-02"}, viewer())
    assert doc["asked_months"] == ["2026-12", "2027-01", "2027-02"] and doc["scope"] == {"kind": "all"}
    for sku in doc["skus"]:
        asked = [p["shortage"] for p in sku["periods"] if p["period"] in doc["asked_months"]]
        assert sku["asked_months_shortage"] == max(asked)
    assert doc["skus_short_in_asked_months"] == sum(1 for s in doc["skus"] if s["asked_months_shortage"] > 0)
    assert len(doc["skus"]) == 61  # the full document: every SKU of the demo
    compact = for_model(doc)
    assert len(compact["skus"]) <= MAX_SKUS and estimate_tokens(compact) <= 1500
    shown_short = [s for s in compact["skus"] if s["asked_months_shortage"] > 0]
    assert len(shown_short) == min(len(compact["skus"]), doc["skus_short_in_asked_months"])  # the short ones first
    assert compact["truncated"]["skus"] == 61 - len(compact["skus"])
