"""``sop audit``: the audit log from the CLI, and API keys with names."""

from __future__ import annotations

import pytest
from helpers import sop, sop_json

from assistant.settings import Settings, parse_api_keys


def test_sop_audit_lists_approval_decisions_with_their_principal(demo):
    draft = sop_json("forecast", "run", "--sku", "OAT-1L", "--horizon", "3")
    sop_json("ask", f"publish forecast version {draft['version']}", "--role", "planner")
    pending = sop_json("approvals", "list")["approvals"][0]
    sop_json("approvals", "reject", pending["id"], "--role", "admin")
    doc = sop_json("audit", "--since", "2000-01-01")
    assert set(doc) == {"entries"}
    assert all(set(e) == {"at", "principal", "action", "detail"} for e in doc["entries"])
    actions = [(e["action"], e["detail"].get("id")) for e in doc["entries"]]
    assert actions[-2:] == [("approval.request", pending["id"]), ("approval.rejected", pending["id"])]
    assert doc["entries"][-1]["principal"].startswith("cli:")
    assert sop_json("audit", "--since", "2999-12-31") == {"entries": []}
    bad = sop_json("audit", "--since", "31/12/2026", ok=False)
    assert bad["error"]["code"] == "invalid_argument" and "YYYY-MM-DD" in bad["error"]["message"]
    text = sop("audit", "--limit", "5")
    assert text.exit_code == 0 and "approval.rejected" in text.stdout


def test_api_keys_carry_an_optional_name():
    assert parse_api_keys("k1:viewer:vera, k2:planner,k:3:admin:root") == {
        "k1": ("viewer", "vera"), "k2": ("planner", None), "k:3": ("admin", "root")}
    with pytest.raises(ValueError, match="KEY:ROLE"):
        parse_api_keys("k1:boss")
    with pytest.raises(ValueError, match="name"):
        parse_api_keys("k1:viewer:bad name")


def test_self_approval_defaults_to_no_with_keys_and_yes_without():
    assert Settings(api_keys="").self_approval_allowed is True
    assert Settings(api_keys="k:planner:ana").self_approval_allowed is False
    assert Settings(api_keys="k:planner:ana", allow_self_approval=True).self_approval_allowed is True
