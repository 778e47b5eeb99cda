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
``fold`` (accent-insensitive text), ``languages`` (the words of each language, language detection).
"""

from sop_engine.notes.embeddings import (
    EmbeddingChoice,
    EmbeddingMismatch,
    EmbeddingUnavailable,
    LocalMiniLMEmbeddings,
    OpenAICompatibleEmbeddings,
    load_local_model,
)
from sop_engine.notes.fold import fold
from sop_engine.notes.hits import Hit, format_hits_for_model
from sop_engine.notes.hybrid import SearchFilters, rrf_fuse, tokenize
from sop_engine.notes.items import CODE_PATTERN, NoteItem, extract_items, mentioned_codes
from sop_engine.notes.languages import LANGUAGES, detect_language
from sop_engine.notes.parse import MEETING_KINDS, Note, NoteFormatError, Section, parse_note, parse_note_text
from sop_engine.notes.store import SEARCH_MODES, IngestReport, NotesConfig, NotesStore

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
