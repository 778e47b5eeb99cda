"""Section-aware chunks of a note, with the metadata the store filters on.

One chunk per ``##`` section; a section longer than ``max_chars`` is split between paragraphs (and, for
one long paragraph such as a long bullet list, between lines); every piece keeps its section heading in
metadata and in the indexed text. Chunk ids are content hashes (source path + section + piece), so the
same note always yields the same ids.

Chunk metadata (chroma accepts scalars only):
``source`` (absolute path), ``folder`` (absolute ingested folder), ``file`` (path relative to the folder),
``note_hash``, ``meeting``, ``date`` (int ``20260915``, for ``$gte``/``$lte``), ``date_iso``, ``title``,
``section``, ``piece`` (index within the note), ``lang`` (the language the note is written in, ``en`` or
``vi``, detected from its text), ``codes`` / ``skus`` / ``families`` (comma strings with
surrounding commas, ``",PO-1182,"``), and one boolean flag per mention: ``"sku:<SKU>"`` and
``"family:<family in lower case>"``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sop_engine.notes.items import product_mentions
from sop_engine.notes.languages import detect_language
from sop_engine.notes.parse import Note

MAX_CHUNK_CHARS = 1200


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str  # the quoted section text (what a citation shows)
    index_text: str  # what is embedded and BM25-indexed: title, section heading, text
    metadata: dict


def sku_flag(sku: str) -> str:
    return f"sku:{sku.strip().upper()}"


def family_flag(family: str) -> str:
    return f"family:{family.strip().lower()}"


def date_key(day) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def chunk_note(
    note: Note,
    *,
    source: str,
    folder: str,
    file: str,
    known_skus: Collection[str] | Mapping[str, str] = (),
    families: Collection[str] = (),
    max_chars: int = MAX_CHUNK_CHARS,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    language = detect_language("\n".join([note.title, *(f"{s.heading}\n{s.body}" for s in note.sections)]))
    for section in note.sections:
        for piece in split_text(section.body, max_chars):
            index = len(chunks)
            digest = hashlib.sha256("\x00".join([source, section.heading, piece]).encode("utf-8"))
            codes, skus, fams = product_mentions(f"{section.heading}\n{piece}", known_skus, families)
            skus = tuple(dict.fromkeys([*skus, *codes]))  # a code-like token may be a SKU the master lacks
            metadata: dict = {
                "source": source,
                "folder": folder,
                "file": file,
                "note_hash": note.content_hash,
                "meeting": note.meeting,
                "date": date_key(note.date),
                "date_iso": note.date.isoformat(),
                "title": note.title,
                "section": section.heading,
                "piece": index,
                "lang": language,
                "codes": _comma(codes),
                "skus": _comma(s.upper() for s in skus),
                "families": _comma(f.lower() for f in fams),
            }
            metadata.update({sku_flag(s): True for s in skus})
            metadata.update({family_flag(f): True for f in fams})
            chunks.append(
                Chunk(
                    id=f"{digest.hexdigest()[:24]}-{index}",
                    text=piece,
                    index_text=index_text(metadata, piece),
                    metadata=metadata,
                )
            )
    return chunks


def index_text(metadata: dict, text: str) -> str:
    """What is embedded and BM25-indexed for a chunk: title, meeting kind, section heading, then text."""
    meeting_words = str(metadata["meeting"]).replace("_", " ")
    return f"{metadata['title']} ({meeting_words})\n{metadata['section']}\n{text}"


def split_text(body: str, max_chars: int = MAX_CHUNK_CHARS) -> list[str]:
    """Pieces of at most ~max_chars, cut between paragraphs, else between lines; never empty."""
    body = body.strip()
    if not body:
        return []
    if len(body) <= max_chars:
        return [body]
    units: list[str] = []
    for paragraph in (p.strip() for p in body.split("\n\n")):
        if not paragraph:
            continue
        if len(paragraph) <= max_chars:
            units.append(paragraph)
        else:
            units.extend(line for line in paragraph.split("\n") if line.strip())
    pieces: list[str] = []
    current = ""
    for unit in units:
        joiner = "\n\n" if "\n" not in unit and current and not unit.lstrip().startswith(("-", "*")) else "\n"
        if current and len(current) + len(joiner) + len(unit) > max_chars:
            pieces.append(current)
            current = unit
        else:
            current = f"{current}{joiner}{unit}" if current else unit
    if current:
        pieces.append(current)
    return pieces


def _comma(values) -> str:
    values = [v for v in values if v]
    return f",{','.join(dict.fromkeys(values))}," if values else ""
