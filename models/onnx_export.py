"""The export steps the sentiment and event classifiers share (training tools, not the runtime):
trace a torch net to fp32 ONNX, quantize it to dynamic int8, and name the artefact by its hash."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
ONNX_NAME = "model.int8.onnx"


def file_version(path: Path) -> str:
    """The artefact's version: the first 12 hex digits of the int8 model's SHA-256."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:12]


def export_fp32_onnx(net: Any, path: Path, names: Sequence[str] = INPUTS, opset: int = 17) -> None:
    """Trace ``net`` (called with ``probs=True``: probabilities out, as ``probs``) to ONNX with
    dynamic batch and sequence axes on the int64 inputs ``names``."""
    import torch

    class WithProbs(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: Any) -> Any:
            return self.inner(*inputs, probs=True)

    net.eval()
    names = list(names)
    dummy = tuple((torch.zeros if n == "token_type_ids" else torch.ones)(2, 16, dtype=torch.long) for n in names)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(WithProbs(net), dummy, str(path), input_names=names, output_names=["probs"],
                      dynamic_axes={**{n: {0: "batch", 1: "seq"} for n in names}, "probs": {0: "batch"}},
                      opset_version=opset, do_constant_folding=True, dynamo=False)


def quantize_int8(src: Path, dst: Path) -> None:
    """Dynamic int8 quantization, per-channel weights (MatMul and the embedding Gathers)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    dst.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(src), str(dst), per_channel=True, weight_type=QuantType.QInt8)


def int8_artifact(net: Any, work_dir: Path, out_dir: Path, meta: dict[str, Any],
                  names: Sequence[str] = INPUTS) -> dict[str, Any]:
    """The fp32 ``net`` (checkpoint in ``work_dir``) as an artefact in ``out_dir``: the int8 model
    (:data:`ONNX_NAME`; the fp32 graph stays in ``work_dir``) and ``tokenizer.json``. Returns ``meta``
    with the artefact's ``version`` and ``onnx`` record; writing ``config.json`` is the caller's."""
    fp32_path = work_dir / "model.fp32.onnx"
    export_fp32_onnx(net, fp32_path, names)
    out_dir.mkdir(parents=True, exist_ok=True)
    quantize_int8(fp32_path, out_dir / ONNX_NAME)
    if (work_dir / "tokenizer.json").exists():  # all the runtimes need; vocab.txt is inside it
        shutil.copy(work_dir / "tokenizer.json", out_dir / "tokenizer.json")
    for stale in out_dir.glob("*.onnx.data"):
        stale.unlink()
    return {**meta, "version": file_version(out_dir / ONNX_NAME),
            "onnx": {"file": ONNX_NAME, "quantization": "dynamic int8, per-channel weights (onnxruntime)"}}
