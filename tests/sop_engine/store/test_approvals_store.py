"""Approvals in a real store (SQLite and PostgreSQL): one person across channels, and a failed write leaves the
request pending."""

from __future__ import annotations

import pytest

from assistant.runtime import Runtime
from assistant.settings import Settings
from assistant.slack.services import SlackServices
from sop_engine.errors import Conflict, PermissionDenied
from sop_engine.store import PlanStore
from sop_engine.store import approvals as store_approvals


@pytest.fixture
def store(store_url):
    return PlanStore(store_url)


def test_the_same_name_is_the_same_person_on_every_channel(store, tmp_path):
    request = store_approvals.request_approval(store, "publish_forecast", {"version": "3"}, "publish 3", "api:ana")
    ran = []
    for other_channel in ("slack:ana", "cli:ana", "api:ana"):
        with pytest.raises(PermissionDenied, match="another planner"):
            store_approvals.decide(store, request["id"], approve=True, principal=other_channel, role="planner",
                                   execute=lambda action, args: ran.append(args) or {}, allow_self=False)
    assert ran == []
    done = store_approvals.decide(store, request["id"], approve=True, principal="cli:ben", role="planner",
                                  execute=lambda action, args: ran.append(args) or {"version": 3}, allow_self=False)
    assert done["status"] == "approved" and done["result"] == {"version": 3} and ran == [{"version": "3"}]
    services = SlackServices.build(Runtime(Settings(home=tmp_path, slack_roles="U1:planner:ana,U2:admin")))
    assert services.principal_of("U1") == "slack:ana" and services.principal_of("U2") == "slack:U2"
    assert services.role_of("U1") == "planner" and services.role_of("U3") == "viewer"


def test_a_write_that_fails_rolls_the_claim_back(store):
    request = store_approvals.request_approval(store, "publish_forecast", {"version": "3"}, "publish 3", "api:ana")

    def failing(action, args):
        raise Conflict("version 3 is already published")

    with pytest.raises(Conflict, match="already published"):
        store_approvals.decide(store, request["id"], approve=True, principal="api:ben", role="planner",
                               execute=failing)
    assert store_approvals.get_approval(store, request["id"])["status"] == "pending"
    store_approvals.decide(store, request["id"], approve=False, principal="api:ben", role="planner", execute=failing)
    with pytest.raises(Conflict, match="already rejected by api:ben"):
        store_approvals.decide(store, request["id"], approve=True, principal="api:root", role="admin",
                               execute=failing)
