"""The OpenAI-compatible embedding path against a local stub server, and embedding-choice mismatches."""

from __future__ import annotations

import numpy as np
import pytest

from sop_engine.errors import InvalidArgument
from sop_engine.notes import EmbeddingMismatch, EmbeddingUnavailable, NotesConfig, NotesStore
from sop_engine.notes.embeddings import OpenAICompatibleEmbeddings


def _openai_config(tmp_path, stub, model="stub-embed-16"):
    return NotesConfig(
        path=tmp_path / "chroma",
        embeddings="openai",
        openai_base_url=stub.base_url,
        openai_api_key="sk-test",
        openai_embedding_model=model,
        collection="notes_emb",
    )


def test_openai_function_posts_batches_and_orders_by_index(embedding_stub):
    ef = OpenAICompatibleEmbeddings(embedding_stub.base_url, "stub-embed-16", "sk-test", batch_size=2)
    vectors = ef(["oat milk", "carton order", "line three"])
    assert len(vectors) == 3
    for text, vector in zip(["oat milk", "carton order", "line three"], vectors, strict=True):
        np.testing.assert_allclose(vector, embedding_stub.vector(text), rtol=1e-6)
    assert [r["input"] for r in embedding_stub.requests] == [["oat milk", "carton order"], ["line three"]]
    assert {r["path"] for r in embedding_stub.requests} == {"/v1/embeddings"}
    assert {r["auth"] for r in embedding_stub.requests} == {"Bearer sk-test"}
    assert {r["model"] for r in embedding_stub.requests} == {"stub-embed-16"}
    assert ef.choice.dimension == 16
    assert ef.get_config() == {"base_url": embedding_stub.base_url, "model": "stub-embed-16"}


def test_openai_errors_are_precise(embedding_stub):
    embedding_stub.fail_with = 503
    ef = OpenAICompatibleEmbeddings(embedding_stub.base_url, "stub-embed-16")
    with pytest.raises(EmbeddingUnavailable, match=r"/v1/embeddings answered HTTP 503"):
        ef(["x"])
    with pytest.raises(EmbeddingUnavailable, match="unreachable"):
        OpenAICompatibleEmbeddings("http://127.0.0.1:9/v1", timeout=2)(["x"])
    with pytest.raises(InvalidArgument, match="openai_base_url: required"):
        NotesStore(NotesConfig(path=None, embeddings="openai"))
    with pytest.raises(InvalidArgument, match="embeddings: must be one of local, openai; got 'onnx'"):
        NotesStore(NotesConfig(path=None, embeddings="onnx"))


def test_store_with_openai_embeddings(tmp_path, notes_dir, embedding_stub):
    store = NotesStore(_openai_config(tmp_path, embedding_stub))
    report = store.ingest(notes_dir)
    assert (report.added, report.chunks_written) == (3, 9)
    meta = store.client.get_collection("notes_emb").metadata
    assert (meta["embedding"], meta["embedding_model"], meta["embedding_dim"]) == (
        "openai",
        "stub-embed-16",
        16,
    )
    hits = store.search("confirm overtime on line 3", k=1, mode="dense")
    assert (hits[0].file, hits[0].section) == ("2026-10-02-supply-review.md", "Action items")
    assert store.stats()["embedding"] == "openai (stub-embed-16, 16 dimensions)"


def test_mismatch_raises_and_reindex_rebuilds(tmp_path, notes_dir, embedding_stub):
    NotesStore(_openai_config(tmp_path, embedding_stub)).ingest(notes_dir)

    other_model = NotesStore(_openai_config(tmp_path, embedding_stub, model="stub-embed-other"))
    with pytest.raises(EmbeddingMismatch) as info:
        other_model.search("overtime")
    assert info.value.code == "embedding_mismatch"
    assert info.value.message == (
        "the notes collection 'notes_emb' was built with openai (stub-embed-16, 16 dimensions) "
        "embeddings but "
        "the settings ask for openai (stub-embed-other); run `sop notes ingest DIR --reindex` to rebuild the "
        "notes index with the configured embeddings (or set the embeddings back)"
    )
    with pytest.raises(EmbeddingMismatch):
        other_model.ingest(notes_dir)

    # a local store on the same folder: chroma's own guard fires first, we translate it
    local = NotesStore(NotesConfig(path=tmp_path / "chroma", collection="notes_emb"))
    with pytest.raises(
        EmbeddingMismatch, match=r"built with openai embeddings but the settings ask for local"
    ):
        local.search("overtime")

    rebuilt = other_model.ingest(notes_dir, reindex=True)
    assert (rebuilt.added, rebuilt.unchanged, rebuilt.chunks_written) == (3, 0, 9)
    meta = other_model.client.get_collection("notes_emb").metadata
    assert meta["embedding_model"] == "stub-embed-other"
    assert other_model.search("overtime line 3", k=1)[0].section == "Action items"
    with pytest.raises(EmbeddingMismatch):
        NotesStore(_openai_config(tmp_path, embedding_stub)).search("overtime")


def test_dimension_change_is_a_mismatch(tmp_path, notes_dir, embedding_stub):
    store = NotesStore(_openai_config(tmp_path, embedding_stub))
    store.ingest(notes_dir)
    embedding_stub.dim = 8  # the endpoint now serves another model under the same name
    with pytest.raises(EmbeddingMismatch, match=r"16 dimensions"):
        store.search("overtime", mode="dense")
    assert store.search("overtime", mode="bm25")[0].section == "Action items"  # BM25 needs no vectors
