"""A re-forecast asked in Slack runs as a job: queued in the plan store, in a worker process outside the
server's process group, reported back in the thread."""

from __future__ import annotations

import os

from sqlalchemy import select

from sop_engine.store.schema import jobs
from tests.slack.slack_server import PLANNER


def test_a_slack_reforecast_runs_as_a_job_in_a_worker_process(slack_server, slack_env):
    slack_server.mention("reforecast everything", user=PLANNER, ts="1700000104.000100")
    answer = slack_server.replies("1700000104.000100", where=lambda b: "Draft forecast" in b["text"])[0]
    assert "Draft forecast" in answer.body["text"]
    with slack_env.store.engine.connect() as connection:
        rows = connection.execute(select(jobs.c.principal, jobs.c.status, jobs.c.worker_pid, jobs.c.result)).all()
    assert len(rows) == 1
    principal, status, pid, result = rows[0]
    assert (principal, status) == (f"slack:{PLANNER}", "done") and result["skus"] == 3
    assert pid and pid != os.getpid()
