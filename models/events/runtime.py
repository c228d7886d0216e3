"""Load the event classifier and type sentences fast on CPU (ONNX Runtime int8; no torch).

    clf = EventClassifier.load()                 # bundled artefact, offline, loaded once
    clf.predict(["Washington will grant licences for H20 shipments to China."])
    -> [{"export_control": 0.97}]

``probs`` gives the sigmoid probability of every type (columns in ``clf.labels`` order);
``predict`` keeps the types at or above their calibrated thresholds (``config.json``). Sentences
are de-duplicated, sorted by length and padded per batch; results come back in input order.

A folder whose ``config.json`` lists ``members`` is an ensemble (:mod:`.ensemble`): every member is
loaded the same way and ``probs`` is the mean of theirs; the thresholds are the ensemble's own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.errors import ModelError

ARTIFACT_DIR = Path(__file__).with_name("artifact")
#: an ensemble folder's subfolder holding its members (:mod:`.ensemble`)
MEMBERS_DIR = "members"
BUILD_HINT = ("run `sinowatch train events` to build it (needs the dev extras and the CPU torch wheel: "
              "pip install -e '.[dev]' torch==2.13.0), or set extraction.event_classifier = false")


class EventClassifier:
    """A loaded event classifier; build with :meth:`load`."""

    def __init__(self, *, config: dict[str, Any], tokenizer: Any, session: Any,
                 members: Sequence[EventClassifier] = ()) -> None:
        self.config = config
        self.labels: tuple[str, ...] = tuple(config["labels"])
        self.thresholds: dict[str, float] = {t: float(config["thresholds"][t]) for t in self.labels}
        self._tok = tokenizer
        self._session = session
        self.members: tuple[EventClassifier, ...] = tuple(members)

    @property
    def version(self) -> str:
        return f"events-{self.config.get('version', 'unversioned')}"

    @classmethod
    def load(cls, model_dir: str | Path | None = None, *, threads: int | None = None,
             max_length: int | None = None, spin: bool = False) -> EventClassifier:
        """Load offline (``model_dir=None``: the bundled artefact). Raises :class:`ModelError`
        naming the command that builds the files when they are missing or unreadable.

        ``max_length``: word pieces kept per sentence (default: the training length, 128);
        ``spin``: let ONNX Runtime's worker threads busy-wait between kernels (off by default:
        on a shared CPU spinning burns the neighbours' time and the process's CPU seconds for a
        small latency gain, see docs/performance.md)."""
        from sinowatch.models.events.net import load_tokenizer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        d = Path(model_dir) if model_dir is not None else ARTIFACT_DIR
        ensemble = cls._ensemble(d, threads=threads, max_length=max_length, spin=spin)
        if ensemble is not None:
            return ensemble
        missing = [n for n in ("model.int8.onnx", "tokenizer.json", "config.json") if not (d / n).exists()]
        if missing:
            raise ModelError(f"event classifier missing in {d} ({', '.join(missing)}): {BUILD_HINT}")
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise ModelError(f"onnxruntime is not installed (pip install 'onnxruntime>=1.18'): {e}") from None
        try:
            config = json.loads((d / "config.json").read_text())
            opts = ort.SessionOptions()
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            if threads:
                opts.intra_op_num_threads = threads
            if not spin:
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
            session = ort.InferenceSession(str(d / "model.int8.onnx"), opts, providers=["CPUExecutionProvider"])
            tok = load_tokenizer(d, int(max_length or config["max_length"]))
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            raise ModelError(f"event classifier in {d} is unreadable ({e}): {BUILD_HINT}") from e
        except Exception as e:  # onnxruntime's own errors (a truncated or foreign file)
            raise ModelError(f"event classifier in {d} is unreadable ({e}): {BUILD_HINT}") from e
        return cls(config=config, tokenizer=tok, session=session)

    @classmethod
    def _ensemble(cls, d: Path, **kw: Any) -> EventClassifier | None:
        """The ensemble in ``d`` (its members loaded), or None when ``d`` holds a single model."""
        try:
            config = json.loads((d / "config.json").read_text())
        except (OSError, ValueError):
            return None  # the single-model path reports what is missing or unreadable
        if not isinstance(config, dict) or "members" not in config:
            return None
        members = [cls.load(d / MEMBERS_DIR / str(name), **kw) for name in config["members"]]
        if not members:
            raise ModelError(f"event classifier ensemble in {d} lists no members: {BUILD_HINT}")
        for m in members:
            if m.labels != tuple(config["labels"]):
                raise ModelError(f"event classifier ensemble in {d}: a member's types differ from the ensemble's")
        return cls(config=config, tokenizer=None, session=None, members=members)

    def probs(self, texts: Sequence[str], batch_size: int = 64) -> Any:
        """Probability per type (rows in input order, columns in ``self.labels`` order); an ensemble's
        is the mean of its members'."""
        import numpy as np
        from sinowatch.models.events.net import encode

        if self.members:
            return np.mean([m.probs(texts, batch_size) for m in self.members], axis=0)

        unique: dict[str, int] = {}
        index = [unique.setdefault(t, len(unique)) for t in texts]
        keys = list(unique)
        order = sorted(range(len(keys)), key=lambda i: len(keys[i]))
        out = np.zeros((len(keys), len(self.labels)), dtype=np.float32)
        for b in range(0, len(order), max(1, batch_size)):
            sel = order[b : b + batch_size]
            out[sel] = self._session.run(["probs"], encode(self._tok, [keys[i] for i in sel]))[0]
        return out[index] if index else out

    def predict(self, texts: Sequence[str], batch_size: int = 64) -> list[dict[str, float]]:
        """Per sentence, {type: probability} for the types at or above their thresholds."""
        p = self.probs(texts, batch_size)
        return [
            {t: round(float(row[j]), 4) for j, t in enumerate(self.labels) if row[j] >= self.thresholds[t]}
            for row in p
        ]
