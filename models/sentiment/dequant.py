"""An fp32 training checkpoint rebuilt from a shipped int8 artefact (weights dequantized).

The fp32 checkpoint a training run leaves in ``.state/`` is not committed, so continuing from the
shipped model (e.g. only its domain stage, with new domain data) would otherwise need the full
recipe again (~30 min on 2 idle cores). The int8 graph holds every weight as int8 values with
per-channel scales and zero points (``export.quantize_int8``); dequantizing them gives weights
within one quantization step of the trained fp32 ones, which is what the int8 model itself
computes with. The encoder's pooler, which the graph does not use, keeps the base model's weights.

    checkpoint_from_artifact(Path("models/sentiment/artifact"), Path(".state/sentiment/from_art"))
    train(..., init_from=".state/sentiment/from_art", epochs=0)   # the domain stage only
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.export import ONNX_NAME


def _dequant(inits: dict[str, Any], base: str) -> Any:
    """``(q - zero_point) * scale``; a per-channel scale runs along the last axis (the output
    channels of a MatMul's ``[in, out]`` weight), a scalar scale (embeddings) over the whole table."""
    import numpy as np

    q = inits[f"{base}_quantized"].astype(np.float32)
    zp = inits[f"{base}_zero_point"].astype(np.float32)
    scale = inits[f"{base}_scale"].astype(np.float32)
    if scale.ndim == 1:
        return (q - zp[None, :]) * scale[None, :]
    return (q - zp) * scale


def onnx_weights(model_path: Path) -> dict[str, Any]:
    """torch state-dict name (of ``train.build_net``) -> float32 array, from the int8 graph."""
    import onnx
    from onnx import numpy_helper

    g = onnx.load(str(model_path)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    out: dict[str, Any] = {}
    for name, arr in inits.items():  # fp32 tensors stored under their module names
        if name.startswith("inner.") and not name.endswith(("_quantized", "_scale", "_zero_point")):
            out[name[len("inner."):]] = arr.astype("float32")
    for name in inits:  # quantized embeddings and the head, stored under their module names
        if name.startswith("inner.") and name.endswith("_quantized"):
            base = name[: -len("_quantized")]
            w = _dequant(inits, base)
            key = base[len("inner."):]
            if key.endswith(".weight_Transposed"):
                out[key[: -len("_Transposed")]] = w.T
            else:
                out[key] = w
    for node in g.node:  # quantized linear layers: the node name carries the module path
        if node.op_type == "MatMulInteger" and node.input[1].endswith("_quantized"):
            module = node.name.removeprefix("/inner/").rsplit("/", 1)[0].replace("/", ".")
            if module.startswith("head"):
                continue
            out[f"{module}.weight"] = _dequant(inits, node.input[1][: -len("_quantized")]).T
    return out


def checkpoint_from_artifact(artifact_dir: Path, work_dir: Path) -> Path:
    """Write an fp32 checkpoint (``train.save_checkpoint`` layout) rebuilt from the int8 artefact."""
    import torch
    from sinowatch.models.sentiment.train import base_model_path, build_net, save_checkpoint

    artifact_dir, work_dir = Path(artifact_dir), Path(work_dir)
    config = json.loads((artifact_dir / "config.json").read_text())
    net = build_net(base_model_path(), len(config["labels"]), pooling=config.get("pooling", "mean+target"))
    vocab = len(json.loads((artifact_dir / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"])
    if vocab > net.encoder.get_input_embeddings().weight.shape[0]:  # trained with --zh-vocab
        net.encoder.resize_token_embeddings(vocab)
    state = net.state_dict()
    weights = onnx_weights(artifact_dir / ONNX_NAME)
    missing = [k for k in state if k not in weights and not k.startswith("encoder.pooler")
               and not k.endswith("position_ids")]
    if missing:
        raise ValueError(f"{artifact_dir}: no weights in the graph for {missing[:5]} ({len(missing)} in all)")
    for k, v in weights.items():
        if k in state:
            t = torch.from_numpy(v.copy())
            if tuple(t.shape) != tuple(state[k].shape):
                raise ValueError(f"{k}: graph shape {tuple(t.shape)}, model shape {tuple(state[k].shape)}")
            state[k] = t
    net.load_state_dict(state)
    meta = {k: config[k] for k in ("labels", "max_length", "pooling") if k in config}
    meta["dequantized_from"] = config.get("version")
    save_checkpoint(net, artifact_dir, work_dir, meta)  # the artefact's tokenizer (its vocabulary)
    return work_dir
