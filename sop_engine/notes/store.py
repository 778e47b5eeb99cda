"""The meeting-notes store: a chroma collection of section chunks, searched dense + BM25.

``NotesStore(NotesConfig(...))``:

- ``ingest(folder, *, known_skus=(), families=(), reindex=False) -> IngestReport``: reads every ``.md`` /
  ``.txt`` under ``folder``; a new note is added, an edited one has its chunks replaced, an unchanged one
  is left alone, a note no longer in the folder has its chunks removed. A bad note (front matter, binary,
  not UTF-8) is reported in ``skipped`` by file and skipped; a note that turned bad keeps its previous
  chunks. ``reindex=True`` drops the whole collection first and rebuilds it with the configured embeddings.
  A note counts as unchanged only when its hash and its whole set of chunk ids are in the collection (an
  ingest killed between writes is completed by the next one). ``progress(stage)`` is told each stage.
- ``search(query, *, k=5, meeting=None, since=None, until=None, sku=None, family=None, mode="hybrid")
  -> list[Hit]``: ``mode`` is ``hybrid`` (RRF of dense and BM25, k=60), ``dense`` or ``bm25``; filters
  apply to both halves. In ``hybrid``, the dense ranking weighs less when the query or the passage is not
  English (``hybrid.dense_weights``): the local embedding model is English-only and must not drown a
  Vietnamese keyword match. Raises ``NoData`` when nothing was ingested.
- ``stats() -> dict``: chunk and note counts and the embedding choice.
- ``drop() -> int`` (also ``drop_collection(config)``, without an embedding model): deletes the whole
  collection (a load brought another company); returns its chunk count.

The collection metadata records the embedding choice (``embedding``, ``embedding_model``,
``embedding_dim``) and a ``generation`` bumped on every change (it keys the BM25 cache). Opening it with
another choice raises ``EmbeddingMismatch`` telling to run ``sop notes ingest DIR --reindex``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings
from chromadb.errors import ChromaError, NotFoundError

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.notes.chunks import Chunk, chunk_note, index_text
from sop_engine.notes.embeddings import (
    CHROMA_NAMES,
    EmbeddingChoice,
    EmbeddingMismatch,
    make_embedding_function,
)
from sop_engine.notes.hits import Hit
from sop_engine.notes.hybrid import BM25Index, SearchFilters, dense_weights, rrf_fuse
from sop_engine.notes.items import NoteItem, extract_items
from sop_engine.notes.parse import NOTE_SUFFIXES, NoteFormatError, parse_note

SEARCH_MODES = ("hybrid", "dense", "bm25")
REINDEX_HINT = (
    "run `sop notes ingest DIR --reindex` to rebuild the notes index with the configured embeddings"
)

UPSERT_BATCH = 50  # chunks per chroma write; a note whose chunks span batches is checked on the next ingest
_clients: dict[tuple[str, str], chromadb.api.ClientAPI] = {}
_bm25_cache: dict[tuple[str, str], tuple[tuple, BM25Index]] = {}
_lock = threading.Lock()


@dataclass
class NotesConfig:
    """Plain values; the entry points read the settings and build this."""

    path: Path | None  # PersistentClient folder (e.g. SOP_HOME/chroma)
    chroma_url: str | None = None  # HttpClient when set: "host:port" or "http(s)://host:port"
    embeddings: str = "local"  # "local" | "openai"
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    openai_embedding_model: str = "text-embedding-3-small"
    collection: str = "meeting_notes"


@dataclass
class IngestReport:
    folder: str
    added: int = 0  # notes (files), not chunks
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks_written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    items: list[NoteItem] = field(default_factory=list)  # decisions and actions of every valid note

    def to_dict(self) -> dict:
        return {
            "folder": self.folder,
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "chunks_written": self.chunks_written,
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "items": [item.to_dict() for item in self.items],
        }


def _client(config: NotesConfig) -> chromadb.api.ClientAPI:
    settings = Settings(anonymized_telemetry=False)
    if config.chroma_url:
        url = config.chroma_url if "://" in config.chroma_url else f"http://{config.chroma_url}"
        parsed = urlparse(url)
        if not parsed.hostname:
            raise InvalidArgument(
                f"chroma_url: expected host:port or http://host:port; got '{config.chroma_url}'"
            )
        key = ("http", url)
        with _lock:
            if key not in _clients:
                _clients[key] = chromadb.HttpClient(
                    host=parsed.hostname,
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=settings,
                )
            return _clients[key]
    if config.path is None:
        raise InvalidArgument("path: the notes store needs a folder (or chroma_url for a chroma server)")
    folder = Path(config.path).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    key = ("path", str(folder))
    with _lock:
        if key not in _clients:
            _clients[key] = chromadb.PersistentClient(path=str(folder), settings=settings)
        return _clients[key]


class NotesStore:
    def __init__(self, config: NotesConfig) -> None:
        self.config = config
        self.embedding_function = make_embedding_function(
            config.embeddings,
            base_url=config.openai_base_url,
            api_key=config.openai_api_key,
            model=config.openai_embedding_model,
        )
        self.client = _client(config)
        self._location = config.chroma_url or str(Path(config.path).expanduser().resolve())  # type: ignore[arg-type]

    # ----- collection -------------------------------------------------------------------------
    def _choice(self) -> EmbeddingChoice:
        return self.embedding_function.choice

    def _open(self, *, create: bool):
        name = self.config.collection
        try:
            collection = self.client.get_collection(name, embedding_function=self.embedding_function)
        except NotFoundError:
            collection = None
        except ValueError as exc:  # chroma's own guard: another embedding function is persisted
            if "conflict" not in str(exc).lower():
                raise
            found = re.search(r"persisted: (\S+)", str(exc))
            built = CHROMA_NAMES.get(found.group(1), found.group(1)) if found else "other embeddings"
            raise self._mismatch(built) from exc
        if collection is None:
            if not create:
                return None
            choice = self._choice()
            try:
                collection = self.client.create_collection(
                    name,
                    embedding_function=self.embedding_function,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={
                        "embedding": choice.name,
                        "embedding_model": choice.model,
                        "embedding_dim": choice.dimension,
                        "generation": 0,
                    },
                )
            except ChromaError as exc:  # another process made it between our look and our create: use theirs
                if "already exists" not in str(exc):
                    raise
                collection = self.client.get_collection(name, embedding_function=self.embedding_function)
        self._check_choice(collection.metadata or {})
        return collection

    def _mismatch(self, built: str) -> EmbeddingMismatch:
        return EmbeddingMismatch(
            f"the notes collection '{self.config.collection}' was built with {built} embeddings but the "
            f"settings ask for {self._choice().describe()}; {REINDEX_HINT} (or set the embeddings back)"
        )

    def _check_choice(self, meta: Mapping) -> None:
        ours = self._choice()
        stored_dim = int(meta.get("embedding_dim") or 0)
        if meta.get("embedding") != ours.name or meta.get("embedding_model") != ours.model:
            stored = EmbeddingChoice(str(meta.get("embedding")), str(meta.get("embedding_model")), stored_dim)
            raise self._mismatch(stored.describe())
        # the dimension is checked on the vectors themselves (_embed): BM25-only searches need none

    def _embed(self, collection, texts: list[str]) -> list:
        vectors = self.embedding_function(texts)
        meta = dict(collection.metadata or {})
        stored_dim = int(meta.get("embedding_dim") or 0)
        if vectors and stored_dim and len(vectors[0]) != stored_dim:
            raise self._mismatch(
                f"{meta.get('embedding')} ({meta.get('embedding_model')}, {stored_dim} dimensions)"
            )
        if vectors and not stored_dim:
            meta["embedding_dim"] = len(vectors[0])
            collection.modify(metadata=meta)
        return vectors

    def _bump_generation(self, collection) -> None:
        meta = dict(collection.metadata or {})
        meta["generation"] = int(meta.get("generation") or 0) + 1
        collection.modify(metadata=meta)

    # ----- ingest -----------------------------------------------------------------------------
    def ingest(
        self,
        folder: Path | str,
        *,
        known_skus: Collection[str] | Mapping[str, str] = (),
        families: Collection[str] = (),
        reindex: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        def tell(stage: str) -> None:
            if progress is not None:
                progress(stage)

        root = Path(folder).expanduser()
        if not root.is_dir():
            raise InvalidArgument(f"folder: '{folder}' is not a folder of meeting notes")
        root = root.resolve()
        report = IngestReport(folder=str(root))
        if reindex:
            try:
                self.client.delete_collection(self.config.collection)
            except (NotFoundError, ValueError):
                pass
            with _lock:
                _bm25_cache.pop((self._location, self.config.collection), None)
        collection = self._open(create=True)
        existing: dict[str, tuple[str, list[str]]] = {}
        got = collection.get(where={"folder": str(root)}, include=["metadatas"])
        for chunk_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
            note_hash, ids = existing.get(meta["source"], (meta["note_hash"], []))
            ids.append(chunk_id)
            existing[meta["source"]] = (note_hash, ids)

        seen: set[str] = set()
        stale_ids: list[str] = []
        new_chunks: list[Chunk] = []
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)):
            rel = path.relative_to(root).as_posix()
            if path.suffix.lower() not in NOTE_SUFFIXES:
                report.skipped.append((rel, f"not a note: only {' and '.join(NOTE_SUFFIXES)} files are read"))
                continue
            source = str(path)
            try:
                note = parse_note(path)
            except NoteFormatError as exc:
                report.skipped.append((rel, exc.message))
                seen.add(source)  # a note that turned bad keeps its previous chunks
                continue
            seen.add(source)
            report.items.extend(replace(i, file=rel) for i in extract_items(note, known_skus, families))
            chunks = chunk_note(
                note, source=source, folder=str(root), file=rel, known_skus=known_skus, families=families
            )
            previous = existing.get(source)
            # unchanged only when complete: an ingest killed between batches leaves a note with some chunks
            if previous and previous[0] == note.content_hash and set(previous[1]) == {c.id for c in chunks}:
                report.unchanged += 1
                continue
            if previous:
                stale_ids.extend(previous[1])
                report.updated += 1
            else:
                report.added += 1
            new_chunks.extend(chunks)
        for source, (_, ids) in existing.items():
            if source not in seen:
                stale_ids.extend(ids)
                report.removed += 1

        tell(f"read {report.added + report.updated + report.unchanged} notes: {report.added} new, "
             f"{report.updated} edited, {report.removed} removed, {report.unchanged} unchanged")
        if new_chunks:
            tell(f"embedding {len(new_chunks)} chunks")
            vectors = self._embed(collection, [c.index_text for c in new_chunks])
        if stale_ids:
            tell(f"removing {len(stale_ids)} stale chunks")
            collection.delete(ids=stale_ids)
        if new_chunks:
            for start in range(0, len(new_chunks), UPSERT_BATCH):
                batch = new_chunks[start : start + UPSERT_BATCH]
                collection.upsert(
                    ids=[c.id for c in batch],
                    documents=[c.text for c in batch],
                    metadatas=[c.metadata for c in batch],
                    embeddings=vectors[start : start + UPSERT_BATCH],
                )
                tell(f"wrote chunks {start + 1}-{start + len(batch)} of {len(new_chunks)}")
            report.chunks_written = len(new_chunks)
        if new_chunks or stale_ids or reindex:
            self._bump_generation(collection)
        return report

    # ----- search -----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        k: int = 5,
        meeting: str | None = None,
        since: date | None = None,
        until: date | None = None,
        sku: str | None = None,
        family: str | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        if not isinstance(query, str) or not query.strip():
            raise InvalidArgument("query: must be a non-empty question or keywords")
        if not isinstance(k, int) or k < 1 or k > 100:
            raise InvalidArgument(f"k: must be an integer between 1 and 100; got {k!r}")
        if mode not in SEARCH_MODES:
            raise InvalidArgument(f"mode: must be one of {', '.join(SEARCH_MODES)}; got '{mode}'")
        filters = SearchFilters.build(meeting, since, until, sku, family)
        collection = self._open(create=False)
        total = collection.count() if collection is not None else 0
        if total == 0:
            raise NoData("no meeting notes have been ingested yet; run `sop notes ingest DIR` first")
        pool = min(total, max(4 * k, 30))
        index = self._bm25(collection, total)
        found = {chunk_id: n for n, chunk_id in enumerate(index.ids)}
        dense: list[tuple[str, float]] = []
        if mode in ("dense", "hybrid"):
            query_vector = self._embed(collection, [query])
            result = collection.query(
                query_embeddings=query_vector, n_results=pool, where=filters.where(), include=["distances"]
            )
            dense = [
                (i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)
            ]
        lexical = index.top(query, pool, filters) if mode in ("bm25", "hybrid") else []
        if mode == "dense":
            ranked = dense
        elif mode == "bm25":
            ranked = lexical
        else:
            dense_ids = [i for i, _ in dense]
            weights = dense_weights(query, dense_ids, index.language_of)
            ranked = rrf_fuse([dense_ids, [i for i, _ in lexical]], weights=[weights, 1.0])
        hits = []
        for chunk_id, score in ranked[:k]:
            n = found[chunk_id]
            text, meta = index.documents[n], index.metadatas[n]
            hits.append(
                Hit(
                    file=meta["file"],
                    meeting=meta["meeting"],
                    date=meta["date_iso"],
                    title=meta["title"],
                    section=meta["section"],
                    text=text,
                    score=round(score, 6),
                    chunk_id=chunk_id,
                )
            )
        return hits

    def _bm25(self, collection, total: int) -> BM25Index:
        """The BM25 index of every chunk, rebuilt when the collection's generation or size changes."""
        key = (self._location, self.config.collection)
        stamp = (str(collection.id), int((collection.metadata or {}).get("generation") or 0), total)
        with _lock:
            cached = _bm25_cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        got = collection.get(include=["documents", "metadatas"])
        metas = got["metadatas"] or []
        docs = got["documents"] or []
        index = BM25Index(
            got["ids"], [index_text(m, d) for d, m in zip(docs, metas, strict=True)], metas, docs
        )
        with _lock:
            _bm25_cache[key] = (stamp, index)
        return index

    def drop(self) -> int:
        """Delete the whole notes collection (another company was loaded); returns how many chunks it held."""
        return drop_collection(self.config)

    def stats(self) -> dict:
        collection = self._open(create=False)
        if collection is None:
            return {"chunks": 0, "notes": 0, "embedding": self._choice().describe()}
        got = collection.get(include=["metadatas"])
        return {
            "chunks": len(got["ids"]),
            "notes": len({m["source"] for m in got["metadatas"] or []}),
            "embedding": self._choice().describe(),
        }


def drop_collection(config: NotesConfig) -> int:
    """Delete the notes collection of ``config`` and return how many chunks it held (0 when there is none).

    Needs no embedding model: a collection built with other embeddings is dropped all the same.
    """
    client = _client(config)
    found = [c for c in client.list_collections() if c.name == config.collection]
    if not found:
        return 0
    chunks = found[0].count()
    client.delete_collection(config.collection)
    location = config.chroma_url or str(Path(config.path).expanduser().resolve())  # type: ignore[arg-type]
    with _lock:
        _bm25_cache.pop((location, config.collection), None)
    return chunks


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
