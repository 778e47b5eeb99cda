"""Prompt and answer-template files; ``load(name)`` reads one (they ship with the package)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")
