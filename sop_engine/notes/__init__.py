"""Meeting-notes memory: parse S&OP meeting notes, index them in chroma, search them with citations.

Public API::

    from sop_engine.notes import NotesConfig, NotesStore, parse_note, extract_items, format_hits_for_model

    store = NotesStore(NotesConfig(path=sop_home / "chroma"))          # embeddings="local" by default
    report = store.ingest(notes_dir, known_skus={"OAT-1L": "Oat milk"}, families=["Oat milk"])
    #   IngestReport: added / updated / removed / unchanged (notes), chunks_written,
    #   skipped [(file, reason)], items [NoteItem] (decisions and action items of every valid note)
    hits = store.search("why did we cut the oat milk plan?", k=5, since=date(2026, 9, 1), family="Oat milk")
    #   Hit: file, meeting, date 'YYYY-MM-DD', title, section, text, score, chunk_id
    prompt_block = format_hits_for_model(hits)   # <<<NOTE ...>>> quoted data <<<END NOTE>>>

    note = parse_note(path)          # Note: file, date, meeting, title, attendees, tags, sections
    items = extract_items(note)      # NoteItem: kind, text, meeting, date, owner, due_date, done, file,
                                     #           section, codes, skus, families, key

Notes may be English or Vietnamese (with or without accents): the heading words, due-date words and
function words are one table per language in ``languages``; ``fold`` is the accent-insensitive form that
parsing and search share; ``detect_language(text)`` tells ``"en"`` from ``"vi"``.

Errors (all ``SopError``): ``NoteFormatError`` (``bad_note``), ``EmbeddingMismatch``
(``embedding_mismatch``: run ``sop notes ingest DIR --reindex``), ``EmbeddingUnavailable``
(``embedding_unavailable``), ``InvalidArgument``, ``NoData``.

Module map: ``parse`` (front matter, sections), ``items`` (decisions, actions, codes), ``chunks``
(section chunks and their metadata), ``embeddings`` (local MiniLM / OpenAI-compatible), ``hybrid`` (BM25,
filters, weighted RRF), ``hits`` (citations, model formatting), ``store`` (chroma, ingest, search),
``textfold`` (accent-insensitive text), ``languages`` (the words of each language, language detection).
"""

from __future__ import annotations

import importlib

# The package is imported lazily: parsing and folding (used by the decisions queries) must not pay for
# chromadb and the embedding stack, which load only when a name from those modules is first used.
_EXPORTS = {
    "EmbeddingChoice": "embeddings",
    "EmbeddingMismatch": "embeddings",
    "EmbeddingUnavailable": "embeddings",
    "LocalMiniLMEmbeddings": "embeddings",
    "OpenAICompatibleEmbeddings": "embeddings",
    "load_local_model": "embeddings",
    "fold": "textfold",
    "Hit": "hits",
    "format_hits_for_model": "hits",
    "SearchFilters": "hybrid",
    "rrf_fuse": "hybrid",
    "tokenize": "hybrid",
    "CODE_PATTERN": "items",
    "NoteItem": "items",
    "extract_items": "items",
    "mentioned_codes": "items",
    "LANGUAGES": "languages",
    "detect_language": "languages",
    "MEETING_KINDS": "parse",
    "Note": "parse",
    "NoteFormatError": "parse",
    "Section": "parse",
    "parse_note": "parse",
    "parse_note_text": "parse",
    "SEARCH_MODES": "store",
    "IngestReport": "store",
    "NotesConfig": "store",
    "NotesStore": "store",
}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "CODE_PATTERN",
    "LANGUAGES",
    "MEETING_KINDS",
    "SEARCH_MODES",
    "EmbeddingChoice",
    "EmbeddingMismatch",
    "EmbeddingUnavailable",
    "Hit",
    "IngestReport",
    "LocalMiniLMEmbeddings",
    "Note",
    "NoteFormatError",
    "NoteItem",
    "NotesConfig",
    "NotesStore",
    "OpenAICompatibleEmbeddings",
    "SearchFilters",
    "Section",
    "detect_language",
    "extract_items",
    "fold",
    "format_hits_for_model",
    "load_local_model",
    "mentioned_codes",
    "parse_note",
    "parse_note_text",
    "rrf_fuse",
    "tokenize",
]
