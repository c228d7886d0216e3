"""Export the fp32 event classifier to ONNX and quantize it to int8 (as the sentiment model).

Writes to ``out_dir`` (the committed ``models/events/artifact/``): ``model.int8.onnx`` (encoder +
mean pooling + head + sigmoid, ``probs`` out), ``tokenizer.json``, and ``config.json`` (types,
per-type thresholds, version, training record, int8-vs-fp32 check on the val sentences).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.onnx_export import (
    ONNX_NAME,
    export_fp32_onnx,
    file_version,
    int8_artifact,
    quantize_int8,
)

__all__ = ["ONNX_NAME", "export", "export_fp32_onnx", "file_version", "quantize_int8"]


def export(work_dir: str | Path, out_dir: str | Path, *, net: Any = None, reference: Sequence[str] = (),
           tok: Any = None) -> dict[str, Any]:
    """fp32 checkpoint in ``work_dir`` -> int8 ONNX artefact in ``out_dir``; returns its config.

    Records the int8-vs-fp32 agreement (decisions at the calibrated thresholds, and the largest
    probability difference) on the ``reference`` sentences.
    """
    import numpy as np
    from sinowatch.models.events.train import load_checkpoint, predict_probs

    work_dir, out_dir = Path(work_dir), Path(out_dir)
    meta = json.loads((work_dir / "config.json").read_text())
    if net is None:
        net, meta = load_checkpoint(work_dir)
    config = int8_artifact(net, work_dir, out_dir, meta)
    (out_dir / "config.json").write_text(json.dumps(config, indent=2))
    if reference:
        from sinowatch.models.events.net import load_tokenizer
        from sinowatch.models.events.runtime import EventClassifier

        tok = tok or load_tokenizer(work_dir, int(meta["max_length"]))
        p32 = predict_probs(net, tok, list(reference))
        p8 = EventClassifier.load(out_dir).probs(list(reference))
        th = np.array([meta["thresholds"][t] for t in meta["labels"]])[None, :]
        config["onnx"]["reference_rows"] = len(reference)
        config["onnx"]["reference_decision_agreement"] = round(float(((p32 >= th) == (p8 >= th)).mean()), 4)
        config["onnx"]["reference_max_abs_diff"] = round(float(np.abs(p32 - p8).max()), 4)
        config["onnx"]["reference_mean_abs_diff"] = round(float(np.abs(p32 - p8).mean()), 4)
    (out_dir / "config.json").write_text(json.dumps(config, indent=2))
    return config
