"""Head stage: refit the linear head of an int8 artefact on the beat's headline | sentence data.

The encoder of a trained artefact is kept as it is (int8); the pooled vector it feeds the head
(sentence mean + marked-target mean, 768 floats) is read from the ONNX graph for every training
row, a multinomial logistic regression is fitted on those vectors with the domain rows (the
headline | lead pairs of ``domain_train_beat.jsonl`` and the older ``domain_train.jsonl``) weighted
``domain_weight`` times, and the int8 head is replaced by the fitted fp32 head (768 x 3 weights +
3 biases) in a new graph. Runtime cost: one fp32 768 x 3 product per pair instead of an int8 one.

Why a head stage: a full fine-tune takes ~28 min on 2 idle cores and much longer on a shared
machine; reading the features of ~18 k rows once and fitting the head takes a few minutes. It
cannot teach the encoder anything new; it re-weights what the encoder already computes, including
the headline part of a ``headline | sentence`` context.

``C`` and ``domain_weight`` are chosen on the validation rows (general split + held-out domain
texts) by the selection score, the same score that chose the epochs; no test row is read.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.data import CONTEXT, LABEL2ID, LABELS, Example, encode_pair, training_sets

POOLED = "/inner/Concat_output_0"  # the head's input in the exported graph (see export.py)
HEAD_OUT = "/inner/head/Gemm_output_0"  # the head's output (logits), fed to the softmax
GRID_C = (0.1, 1.0)
GRID_DOMAIN_WEIGHT = (2, 6)


def _head_nodes(graph: Any) -> list[Any]:
    """The nodes between the pooled vector and the logits (the int8 head, as quantized)."""
    producers = {o: n for n in graph.node for o in n.output}
    todo, seen, out = [HEAD_OUT], set(), []
    while todo:
        name = todo.pop()
        node = producers.get(name)
        if node is None or id(node) in seen or name == POOLED:
            continue
        seen.add(id(node))
        out.append(node)
        todo += [i for i in node.input if i != POOLED]
    return out


def feature_model(model_path: Path) -> bytes:
    """The artefact's graph with the pooled vector as a second output, serialised."""
    import onnx

    m = onnx.load(str(model_path))
    m.graph.output.append(onnx.helper.make_tensor_value_info(POOLED, onnx.TensorProto.FLOAT, None))
    return bytes(m.SerializeToString())


def features(model_dir: Path, rows: Sequence[Example], batch_size: int = 64, threads: int | None = None) -> Any:
    """Pooled vectors (rows in input order) from the int8 encoder of the artefact in ``model_dir``."""
    import numpy as np
    import onnxruntime as ort
    from sinowatch.models.sentiment.train import batch_arrays, load_tokenizer

    config = json.loads((model_dir / "config.json").read_text())
    tok = load_tokenizer(model_dir, config["max_length"])
    opts = ort.SessionOptions()
    if threads:
        opts.intra_op_num_threads = threads
    sess = ort.InferenceSession(feature_model(model_dir / "model.int8.onnx"), opts,
                                providers=["CPUExecutionProvider"])
    pairs = [encode_pair(e.target, e.text) for e in rows]
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    out = np.zeros((len(pairs), 0), dtype=np.float32)
    for b in range(0, len(order), batch_size):
        sel = order[b : b + batch_size]
        pooled = sess.run([POOLED], batch_arrays(tok, [pairs[i] for i in sel], True))[0]
        if out.shape[1] == 0:
            out = np.zeros((len(pairs), pooled.shape[1]), dtype=np.float32)
        out[sel] = pooled
    return out


def replace_head(model_path: Path, out_path: Path, weight: Any, bias: Any) -> None:
    """Write ``model_path`` with its head replaced by ``logits = pooled @ weight.T + bias`` (fp32)."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    m = onnx.load(str(model_path))
    g = m.graph
    old = _head_nodes(g)
    old_ids = {id(n) for n in old}
    keep = [n for n in g.node if id(n) not in old_ids]
    used = {i for n in keep for i in n.input}
    w = numpy_helper.from_array(np.ascontiguousarray(np.asarray(weight, dtype=np.float32).T), "head.weight_T")
    b = numpy_helper.from_array(np.asarray(bias, dtype=np.float32), "head.bias")
    new_nodes = [
        helper.make_node("MatMul", [POOLED, "head.weight_T"], ["head.matmul"], name="head/MatMul"),
        helper.make_node("Add", ["head.matmul", "head.bias"], [HEAD_OUT], name="head/Add"),
    ]
    # the softmax (first consumer of the logits) comes last; put the new head right before it
    at = next(i for i, n in enumerate(keep) if HEAD_OUT in n.input)
    nodes = keep[:at] + new_nodes + keep[at:]
    inits = [i for i in g.initializer if i.name in used]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend([*inits, w, b])
    onnx.checker.check_model(m)
    onnx.save(m, str(out_path))


def fit_head(x: Any, y: Any, sample_weight: Any, c: float) -> tuple[Any, Any]:
    """Multinomial logistic regression -> (weight [3, d], bias [3]) in :data:`LABELS` order."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y, sample_weight=sample_weight)
    order = [list(clf.classes_).index(i) for i in range(len(LABELS))]
    return clf.coef_[order], clf.intercept_[order]


def refit_head(
    data_dir: str | Path,
    model_dir: str | Path,
    out_dir: str | Path,
    *,
    grid_c: Sequence[float] = GRID_C,
    grid_domain_weight: Sequence[int] = GRID_DOMAIN_WEIGHT,
    max_rows: int | None = None,
    threads: int | None = None,
) -> dict[str, Any]:
    """Refit the head of the artefact in ``model_dir`` and write the new artefact to ``out_dir``.

    Returns the record (also stored in the new ``config.json`` under ``head_stage``): the
    validation scores of the original head and of each grid point, and the one chosen.
    """
    import random

    import numpy as np
    from sinowatch.models.sentiment.calibrate import accuracy, selection
    from sinowatch.models.sentiment.export import ONNX_NAME, file_version

    t0 = time.perf_counter()
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    sets = training_sets(Path(data_dir), seed=0)
    train, val, dom_val = sets["train"], sets["validation"], sets["validation_domain"]
    if max_rows is not None:
        rng = random.Random(0)
        train = rng.sample(train, min(max_rows, len(train)))
        val, dom_val = val[: max(max_rows // 4, 8)], dom_val[: max(max_rows // 8, 4)]
    x = features(model_dir, train, threads=threads)
    xv = features(model_dir, val, threads=threads)
    xd = features(model_dir, dom_val, threads=threads) if dom_val else np.zeros((0, x.shape[1]), np.float32)
    y = np.array([LABEL2ID[e.label] for e in train])
    is_domain = np.array([e.source == "domain_train" for e in train])

    def softmax(z: Any) -> Any:
        e = np.exp(z - z.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)

    def scores(w: Any, b: Any) -> dict[str, float]:
        g = accuracy(softmax(xv @ w.T + b), val)
        d = accuracy(softmax(xd @ w.T + b), dom_val) if dom_val else float("nan")
        return {"val_acc": round(g, 4), "val_domain_acc": round(d, 4), "selection": round(selection(g, d), 4)}

    import onnx
    from onnx import numpy_helper

    # the original head, dequantized, scored the same way (the baseline to beat)
    graph = onnx.load(str(model_dir / ONNX_NAME)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    q = inits["inner.head.weight_Transposed_quantized"].astype(np.float32)
    w0 = ((q - inits["inner.head.weight_Transposed_zero_point"].astype(np.float32))
          * inits["inner.head.weight_Transposed_scale"]).T
    b0 = inits["inner.head.bias"]
    trials: list[dict[str, Any]] = [{"head": "original", **scores(w0, b0)}]
    best: tuple[float, Any, Any, dict[str, Any]] | None = None
    for c in grid_c:
        for dw in grid_domain_weight:
            w, b = fit_head(x, y, np.where(is_domain, float(dw), 1.0), c)
            sc = scores(w, b)
            s: dict[str, Any] = {"head": f"refit C={c} domain_weight={dw}", "C": c, "domain_weight": dw, **sc}
            trials.append(s)
            if best is None or sc["selection"] > best[0]:
                best = (sc["selection"], w, b, s)
    assert best is not None
    _, w, b, chosen = best
    out_dir.mkdir(parents=True, exist_ok=True)
    replace_head(model_dir / ONNX_NAME, out_dir / ONNX_NAME, w, b)
    for name in ("tokenizer.json",):
        shutil.copy(model_dir / name, out_dir / name)
    config = json.loads((model_dir / "config.json").read_text())
    for routed in dict(config.get("routes") or {}).values():  # the Chinese route's model is kept as it is
        shutil.rmtree(out_dir / routed, ignore_errors=True)
        shutil.copytree(model_dir / routed, out_dir / routed)
    record = {
        "from_version": config.get("version"),
        "train_rows": len(train),
        "domain_rows": int(is_domain.sum()),
        "validation_rows": {"general": len(val), "domain": len(dom_val)},
        "trials": trials,
        "chosen": chosen,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    # the head was fitted with headline | lead contexts among its domain rows: the pipeline feeds
    # body mentions that way (aggregate.py)
    config.update({"version": file_version(out_dir / ONNX_NAME), "head_stage": record, "context": CONTEXT})
    for stale in ("neutral_bias", "neutral_band"):
        config.pop(stale, None)  # a new head needs its own band (calibrate.py)
    (out_dir / "config.json").write_text(json.dumps(config, indent=2))
    return record
