"""Export the fine-tuned fp32 checkpoint to ONNX and quantize it to int8 (dynamic, per-channel).

The committed artefact (``models/sentiment/artifact/``) is what this writes:

    model.int8.onnx     encoder + pooling + head, outputs class probabilities (~23 MB)
    tokenizer.json      the base model's fast tokenizer (+ vocab.txt)
    config.json         labels, max_length, version, training record, int8-vs-fp32 check
    reference.json      fp32 torch probabilities for up to 200 validation pairs, so a test can check
                        the int8 model against fp32 without shipping the 90 MB fp32 weights

The fp32 ONNX graph is an intermediate kept next to the fp32 checkpoint (``.state/``), not committed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models import onnx_export
from sinowatch.models.onnx_export import INPUTS, ONNX_NAME, file_version, int8_artifact, quantize_int8
from sinowatch.models.sentiment.data import Example

__all__ = ["ONNX_NAME", "export", "export_fp32_onnx", "file_version", "quantize_int8"]



def input_names(net: Any) -> list[str]:
    """The net's ONNX inputs: with ``target_mask`` when its pooling uses one."""
    from sinowatch.models.sentiment.net import uses_target_mask

    return [*INPUTS, "target_mask"] if uses_target_mask(net) else list(INPUTS)


def export_fp32_onnx(net: Any, path: Path, opset: int = 17) -> None:
    """Trace the torch model (probabilities out) to ONNX with its inputs (:func:`input_names`)."""
    onnx_export.export_fp32_onnx(net, path, input_names(net), opset)


def export(
    work_dir: str | Path,
    out_dir: str | Path,
    *,
    net: Any = None,
    reference: Sequence[Example] = (),
) -> dict[str, Any]:
    """fp32 checkpoint in ``work_dir`` -> int8 ONNX artefact in ``out_dir``; returns its config.

    Also records the int8-vs-fp32 agreement (label agreement and mean cosine of the probability
    vectors) on the ``reference`` pairs.
    """
    import numpy as np
    from sinowatch.models.sentiment.net import load_checkpoint, load_tokenizer
    from sinowatch.models.sentiment.train import predict_probs

    work_dir, out_dir = Path(work_dir), Path(out_dir)
    meta = json.loads((work_dir / "config.json").read_text())
    if net is None:
        net, meta = load_checkpoint(work_dir)
    config = int8_artifact(net, work_dir, out_dir, meta, input_names(net))
    if reference:
        pairs = [(e.target, e.text) for e in reference]
        tok = load_tokenizer(work_dir, int(meta["max_length"]))
        p32 = predict_probs(net, tok, pairs)
        (out_dir / "config.json").write_text(json.dumps(config, indent=2))
        from sinowatch.models.sentiment.runtime import SentimentModel

        p8 = SentimentModel.load(out_dir).probs(pairs)
        cos = np.sum(p32 * p8, 1) / (np.linalg.norm(p32, axis=1) * np.linalg.norm(p8, axis=1))
        config["onnx"]["reference_label_agreement"] = float(np.mean(p32.argmax(1) == p8.argmax(1)))
        config["onnx"]["reference_mean_cosine"] = float(np.mean(cos))
        ref = [
            {"target": t, "text": x, "fp32_probs": [round(float(v), 5) for v in row]}
            for (t, x), row in zip(pairs, p32, strict=True)
        ]
        (out_dir / "reference.json").write_text(json.dumps(ref, ensure_ascii=False, indent=0))
    (out_dir / "config.json").write_text(json.dumps(config, indent=2))
    return config
