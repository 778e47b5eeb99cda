"""Replacing one section of benchmarks/README.md (a ``## Title`` heading up to the next one)."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).with_name("README.md")


def write_section(title: str, body: str) -> None:
    heading = f"## {title}"
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    block = f"{heading}\n\n{body.strip()}\n"
    if heading in text:
        head, rest = text.split(heading, 1)
        tail = rest.split("\n## ", 1)
        text = head + block + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip() + "\n\n" + block
    README.write_text(text, encoding="utf-8")
