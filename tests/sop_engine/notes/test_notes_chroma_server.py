"""The notes store against a real chroma server (``chroma run``), as ``SOP_CHROMA_URL`` uses it."""

from __future__ import annotations

from chromadb.errors import NotFoundError
from notes_fixtures import write_fixture_notes

from sop_engine.notes import NotesConfig, NotesStore


def test_ingest_and_search_through_a_chroma_server(chroma_server, embedding_stub, tmp_path):
    folder = write_fixture_notes(tmp_path / "notes")
    config = NotesConfig(path=None, chroma_url=chroma_server, embeddings="openai",
                         openai_base_url=embedding_stub.base_url, openai_api_key="sk-test",
                         openai_embedding_model="stub-embed-16")
    report = NotesStore(config).ingest(folder)
    assert report.added > 0 and report.chunks_written > 0
    # a second process would open the same collection: a new store object over the same server
    again = NotesStore(config).ingest(folder)
    assert (again.added, again.updated, again.unchanged) == (0, 0, report.added)
    hits = NotesStore(config).search("safety stock", k=3, mode="hybrid")
    assert hits and all(h.file.endswith((".md", ".txt")) for h in hits)


def test_a_collection_another_process_made_first_is_opened_not_an_error(chroma_server, embedding_stub, tmp_path):
    """Two `sop notes ingest` at once: both look, find no collection, and both create it; the second create
    finds it made and opens it (on the server it was "Collection [meeting_notes] already exists")."""
    folder = write_fixture_notes(tmp_path / "notes")
    config = NotesConfig(path=None, chroma_url=chroma_server, embeddings="openai",
                         openai_base_url=embedding_stub.base_url, openai_api_key="sk-test",
                         openai_embedding_model="stub-embed-16", collection="made_twice")
    first, second = NotesStore(config), NotesStore(config)
    looked = second.client.get_collection

    def look_before_the_other_made_it(*args, **kwargs):
        second.client.get_collection = looked  # (the clients of one server may be one object)
        first.ingest(folder)  # the other process creates the collection right after our look
        raise NotFoundError("Collection made_twice does not exist")

    second.client.get_collection = look_before_the_other_made_it
    report = second.ingest(folder)
    assert (report.added, report.updated) == (0, 0) and report.unchanged > 0
