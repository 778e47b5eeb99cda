from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import context
from assistant.cli.main import app

runner = CliRunner()


def sop(*args: str):
    """Run ``sop ARGS`` in-process (a fresh runtime, as a new process would have)."""
    context.reset()
    return runner.invoke(app, list(args))


def sop_json(*args: str, ok: bool = True) -> dict:
    result = sop(*args, "--json")
    assert (result.exit_code == 0) == ok, (result.exit_code, result.output)
    return json.loads(result.stdout)
