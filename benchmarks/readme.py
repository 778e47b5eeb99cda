"""The one writer of benchmarks/README.md: each script replaces its own section and leaves the others alone."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).with_name("README.md")
INTRO = "# Benchmarks\n\nEach section is written by its own script, which prints the same table.\n"


def write_section(heading: str, body: str, readme: Path = README) -> None:
    """Write or replace the section headed ``heading`` (``## Title``) up to the next ``## `` heading."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else INTRO
    block = f"{heading}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: block + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    readme.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
