"""Load the sentiment model and score (target, context) pairs fast on CPU.

    model = SentimentModel.load()                       # bundled int8 ONNX artefact, offline
    model.score([("Inspur", "U.S. adds Inspur units to the Entity List")])
    -> [Sentiment(label="negative", score=-0.93)]

Two runtimes: ``"onnx"`` (default; ONNX Runtime int8, needs no torch) reads the committed artefact
in ``models/sentiment/artifact/``; ``"torch"`` reads the fp32 training checkpoint (``.state/``), used
for evaluation. Duplicates are scored once and results come back in input order. The int8 runtime
scores **each pair on its own** (round 24): its graph quantizes activations with one scale over the
whole input, so in a padded batch a pair's label depended on the other pairs of the batch (2-4% of the
validation pairs changed label between batches of 64 and of one, with equal accuracy); alone, a pair
always gets the same label, whoever else is scored in the run. The fp32 torch runtime batches (sorted
by length, padded per batch). Nothing here downloads.

**Language routes** (round 15 of issue #19): an artefact's ``config.json`` may hold
``"routes": {"zh": "zh"}``: pairs whose context is Chinese (:func:`is_chinese`) are then scored by the
model in that sub-folder (a multilingual one), every other pair by the folder's own model. Each model
keeps its own labels order and neutral band; the version names both.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sinowatch.errors import ModelError
from sinowatch.records import Sentiment

ARTIFACT_DIR = Path(__file__).with_name("artifact")
FP32_DIR = Path(".state") / "sentiment" / "fp32"
BUILD_HINT = "run `sinowatch train sentiment --data ../shared/data/sentiment` to build it"
#: the languages a route may name, with the test that sends a pair's context to it
ROUTE_LANGS = ("zh",)
#: a context is Chinese when Han characters are at least this share of its non-space characters
CHINESE_SHARE = 0.3
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"\s")


def is_chinese(text: str) -> bool:
    """True when Han characters are at least :data:`CHINESE_SHARE` of ``text``'s non-space characters."""
    chars = len(text) - len(_SPACE.findall(text))
    return chars > 0 and len(_HAN.findall(text)) >= CHINESE_SHARE * chars


def _require(paths: Sequence[Path], what: str) -> None:
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        folder = paths[0].parent
        raise ModelError(f"{what} missing in {folder} ({', '.join(missing)}): {BUILD_HINT}")


class SentimentModel:
    """A loaded sentiment model; build with :meth:`load`."""

    def __init__(
        self, *, runtime: str, config: dict[str, Any], tokenizer: Any, session: Any = None, net: Any = None
    ):
        self.runtime = runtime
        self.config = config
        self.labels: tuple[str, ...] = tuple(config["labels"])
        self._tok = tokenizer
        self._session = session
        #: int8: one pair per run (round 24; ``load(pairwise=False)``: padded batches)
        self._pairwise = True
        self._net = net
        #: language -> the model that scores that language's pairs (``config["routes"]``)
        self.routes: dict[str, SentimentModel] = {}

    @property
    def pairwise(self) -> bool:
        """Each pair scored on its own (the int8 runtime, since round 24): its label never depends on
        the other pairs of the call."""
        return self._session is not None and self._pairwise

    @contextmanager
    def padded_batches(self) -> Iterator[None]:
        """For a measure only (``bench/sentiment.py``, ``evaluate.throughput``): within the block this model
        and its language routes score padded batches, as the int8 runtime did before round 24."""
        subs = [self, *self.routes.values()]
        was = [m._pairwise for m in subs]
        for m in subs:
            m._pairwise = False
        try:
            yield
        finally:
            for m, w in zip(subs, was, strict=True):
                m._pairwise = w

    @property
    def version(self) -> str:
        """Stamp for rescored rows: ``sentiment-<sha256 prefix of the int8 model>`` (+ ``-nb<bias>``
        when a neutral band is set, + ``-fp32`` for the torch runtime)."""
        v = f"sentiment-{self.config.get('version', 'unversioned')}"
        bias = float(self.config.get("neutral_bias", 0.0))
        if bias:  # the band changes labels: rows scored with it must not look like the plain model's
            v = f"{v}-nb{bias:g}"
        for lang, sub in sorted(self.routes.items()):  # a route changes labels too
            v = f"{v}+{lang}-{sub.version.removeprefix('sentiment-')}"
        return v if self.runtime == "onnx" else f"{v}-fp32"

    @classmethod
    def load(
        cls, model_dir: str | Path | None = None, runtime: str = "onnx", *, threads: int | None = None,
        routed: bool = True, pairwise: bool = True,
    ) -> SentimentModel:
        """Load offline. ``model_dir=None`` means the bundled artefact (onnx) or ``.state/`` (torch).
        ``pairwise`` (int8 only, round 24): each pair runs on its own, so its label never depends on the
        other pairs of a call; ``False`` runs padded batches (faster; a label may then depend on its batch).

        Raises :class:`ModelError` naming the command that builds the files when they are missing.
        ``routed=False`` loads the folder's own model without its language routes (its fp32 reference).
        """
        from sinowatch.models.sentiment.net import load_tokenizer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if runtime == "onnx":
            d = Path(model_dir) if model_dir is not None else ARTIFACT_DIR
            _require([d / "model.int8.onnx", d / "tokenizer.json", d / "config.json"], "sentiment model")
            import onnxruntime as ort

            config = json.loads((d / "config.json").read_text())
            opts = ort.SessionOptions()
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            if threads:
                opts.intra_op_num_threads = threads
            try:
                session = ort.InferenceSession(
                    str(d / "model.int8.onnx"), opts, providers=["CPUExecutionProvider"]
                )
            except Exception as e:  # a truncated or foreign file
                raise ModelError(f"sentiment model in {d} is unreadable ({e}): {BUILD_HINT}") from e
            model = cls(
                runtime="onnx",
                config=config,
                tokenizer=load_tokenizer(d, config["max_length"]),
                session=session,
            )
            model._pairwise = pairwise
            for lang, sub in dict(config.get("routes") or {} if routed else {}).items():
                if lang not in ROUTE_LANGS or not isinstance(sub, str) or "/" in sub or sub in ("", ".", ".."):
                    raise ModelError(f"sentiment model in {d}: bad route {lang!r} -> {sub!r} "
                                     f"(languages: {', '.join(ROUTE_LANGS)}; a sub-folder name)")
                model.routes[lang] = cls.load(d / sub, runtime="onnx", threads=threads, pairwise=pairwise)
                if model.routes[lang].routes:
                    raise ModelError(f"sentiment model in {d / sub}: a routed model may not route again")
            return model
        if runtime == "torch":
            d = Path(model_dir) if model_dir is not None else FP32_DIR
            _require([d / "config.json", d / "head.pt", d / "tokenizer.json"], "fp32 sentiment checkpoint")
            import torch
            from sinowatch.models.sentiment.net import load_checkpoint

            if threads:
                torch.set_num_threads(threads)
            net, config = load_checkpoint(d)
            art = ARTIFACT_DIR / "config.json"
            if "version" not in config and art.exists():
                config["version"] = json.loads(art.read_text()).get("version", "unversioned")
            return cls(
                runtime="torch", config=config, tokenizer=load_tokenizer(d, config["max_length"]), net=net
            )
        raise ModelError(f"unknown sentiment runtime {runtime!r} (use 'onnx' or 'torch')")

    def probs(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> Any:
        """Class probabilities (rows in input order, columns in ``self.labels`` order), each pair scored
        by the model its route names (the neutral bands are not applied here; :meth:`score` does)."""
        return self._routed(pairs, batch_size, banded=False)

    def _routed(self, pairs: Sequence[tuple[str, str]], batch_size: int, *, banded: bool) -> Any:
        import numpy as np

        zh = self.routes.get("zh")
        routed = [zh is not None and is_chinese(x) for _t, x in pairs]
        own = [i for i, r in enumerate(routed) if not r]
        rest = [i for i, r in enumerate(routed) if r]
        out = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        if own:
            out[own] = self._own_probs([pairs[i] for i in own], batch_size, banded)
        if zh is not None and rest:
            sub = zh._own_probs([pairs[i] for i in rest], batch_size, banded)
            out[rest] = sub[:, [zh.labels.index(label) for label in self.labels]]
        return out

    def _own_probs(self, pairs: Sequence[tuple[str, str]], batch_size: int, banded: bool) -> Any:
        import numpy as np
        from sinowatch.models.sentiment.data import encode_pair
        from sinowatch.models.sentiment.net import batch_arrays, uses_target_mask

        unique: dict[tuple[str, str], int] = {}
        index = [unique.setdefault((t, x), len(unique)) for t, x in pairs]
        keys = list(unique)
        encoded = [encode_pair(t, x) for t, x in keys]
        order = sorted(range(len(keys)), key=lambda i: len(encoded[i][0]) + len(encoded[i][1]))
        out = np.zeros((len(keys), len(self.labels)), dtype=np.float32)
        if self.pairwise:
            batch_size = 1  # int8: one pair per run, so its label never depends on its batch (module docstring)
        for b in range(0, len(order), max(1, batch_size)):
            sel = order[b : b + batch_size]
            arrays = batch_arrays(self._tok, [encoded[i] for i in sel], uses_target_mask(self.config))
            out[sel] = self._run(arrays)
        out = out[index] if index else out
        bias = float(self.config.get("neutral_bias", 0.0))
        if banded and bias and "neutral" in self.labels:
            from sinowatch.models.sentiment.calibrate import apply_neutral_bias

            out = apply_neutral_bias(out, bias)
        return out

    def _run(self, arrays: dict[str, Any]) -> Any:
        if self._session is not None:
            return self._session.run(["probs"], arrays)[0]
        import torch

        with torch.inference_mode():
            return self._net(**{k: torch.from_numpy(v) for k, v in arrays.items()}, probs=True).numpy()

    def score(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> list[Sentiment]:
        """One :class:`Sentiment` per (target surface text, context text) pair, in input order.

        label = the most probable class; score = P(positive) - P(negative), in [-1, 1]. When the
        artefact's ``config.json`` holds a ``neutral_bias`` (chosen on validation by
        ``calibrate.calibrate``), the probabilities are first re-weighted by it (a routed pair by its
        own model's band).
        """
        p = self._routed(pairs, batch_size, banded=True)
        pos, neg = self.labels.index("positive"), self.labels.index("negative")
        return [
            Sentiment(label=self.labels[int(row.argmax())], score=float(row[pos] - row[neg]))  # type: ignore[arg-type]
            for row in p
        ]
