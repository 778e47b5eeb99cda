"""Schemathesis against the served app's own OpenAPI document: for every operation a capped, derandomized
set of generated requests (``MAX_EXAMPLES`` each) through a real uvicorn on a loopback port, as an admin.
Checks: no 5xx, status codes and content types as documented, and every error response declared as
``application/problem+json`` (what the server sends).

``POST /v1/reforecast`` is left out of the generated requests: each accepted one starts a whole re-forecast
job (tens of seconds of CPU); its bounds are tested in tests/api."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import schemathesis
from api.server import ApiServer
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from assistant.runtime import Runtime
from assistant.settings import Settings

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 15
ADMIN_KEY = "fuzz-admin-key"
NOT_GENERATED = {("POST", "/v1/reforecast")}
HEADERS = {"Authorization": f"Bearer {ADMIN_KEY}", "X-API-Key": ADMIN_KEY}  # both declared schemes
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def served(demo_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("schemathesis") / "sop-home"
    shutil.copytree(demo_home, home)
    runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15), api_keys=f"{ADMIN_KEY}:admin"))
    with ApiServer(runtime) as server:
        yield server


def run_operation(operation, mode) -> dict[tuple, str]:
    """Up to ``MAX_EXAMPLES`` generated requests of one operation: each kind of failure (operation, mode,
    check, status) with the first request (as curl) that showed it."""
    found: dict[tuple, str] = {}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def run(case) -> None:
        try:
            response = case.call(headers=HEADERS, timeout=60)
        except Exception as error:  # the server closed the connection or timed out: a failure too
            found.setdefault((operation.label, mode.value, type(error).__name__, None), case.as_curl_command())
            return
        try:
            case.validate_response(response, checks=CHECKS, headers=HEADERS)
        except (FailureGroup, Failure) as failure:  # every failing request is reported; none stops the others
            for one in getattr(failure, "exceptions", [failure]):
                key = (operation.label, mode.value, one.title, response.status_code)
                found.setdefault(key, f"{case.as_curl_command()}\n      -> {response.text[:200]}")

    try:
        run()
    except Unsatisfiable:  # nothing to negate (an operation without parameters or body)
        assert mode is GenerationMode.NEGATIVE, operation.label
    return found


def test_every_operation_answers_as_documented(served):
    schema = schemathesis.openapi.from_url(f"{served.url}/openapi.json")
    schema.config.update(base_url=served.url)
    failures, operations = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in NOT_GENERATED:
            continue
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures.update(run_operation(operation, mode))
    assert operations >= 20
    report = [f"{label} ({mode}) {check}: {status}\n      {curl}"
              for (label, mode, check, status), curl in failures.items()]
    assert failures == {}, f"{len(failures)} kinds of failure:\n" + "\n".join(report)


def test_error_responses_are_declared_as_problem_json(served):
    """Every documented error response of every operation is ``application/problem+json``."""
    with served.client() as client:
        document = client.get("/openapi.json").json()
    wrong = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                if status.startswith(("4", "5")) and set(response.get("content", {})) != {"application/problem+json"}:
                    wrong.append(f"{method.upper()} {path} {status}: {sorted(response.get('content', {}))}")
    assert wrong == [], "error responses not declared as application/problem+json:\n" + "\n".join(wrong)
