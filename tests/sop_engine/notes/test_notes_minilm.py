"""The numpy copy of all-MiniLM-L6-v2 gives sentence-transformers' vectors (it serves cold queries)."""

from __future__ import annotations

import numpy as np
import pytest

from sop_engine.notes.embeddings import encode_local, load_local_model, local_model_path
from sop_engine.notes.minilm import MiniLM, read_safetensors

TEXTS = [
    "what did we decide about safety stock on oat milk?",
    "Expedite PO-1182 for OAT-1L by two weeks; Lan Nguyen owns it (due 2026-04-10).",
    "short",
    "Ein deutscher Satz über Lagerbestand und Prognosen.",
]


@pytest.mark.slow
def test_numpy_minilm_matches_sentence_transformers():
    ours = MiniLM(local_model_path()).encode(TEXTS)
    reference = load_local_model().encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert ours.shape == (4, 384) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, reference, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-6)
    # once torch is loaded, every batch goes through it: the same vectors
    np.testing.assert_allclose(encode_local(TEXTS[:2]), ours[:2], atol=1e-5)


def test_safetensors_reader_reads_every_tensor():
    from pathlib import Path

    weights = read_safetensors(Path(local_model_path()) / "model.safetensors")
    assert weights["embeddings.word_embeddings.weight"].shape == (30522, 384)
    assert sum(k.startswith("encoder.layer.5.") for k in weights) == 16
