"""An event classifier made of two or more trained ones: their int8 probabilities averaged per type.

    sinowatch train events-ensemble --member DIR_A --member DIR_B --out DIR

Each member is a complete artefact folder (``model.int8.onnx``, ``tokenizer.json``, ``config.json``) trained by
``sinowatch train events`` on the same ``sentences.jsonl`` (so on the same train / val groups: the split is a
function of the group id). The ensemble folder holds a copy of every member under ``members/`` and a
``config.json`` whose ``members`` list names them; :meth:`EventClassifier.load
<sinowatch.models.events.runtime.EventClassifier.load>` loads such a folder like any other and averages the
members' probabilities. The per-type thresholds of the average are calibrated on the members' shared
sentence-validation rows by the single model's grid and tie rule (:func:`~sinowatch.models.events.train.calibrate`),
never on the evaluation articles. No torch: the members run in ONNX Runtime as at run time.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.events.data import SENTENCES, load
from sinowatch.models.events.runtime import MEMBERS_DIR, EventClassifier

from sinowatch.errors import ModelError

FILES = ("model.int8.onnx", "tokenizer.json", "config.json")


def _member_config(d: Path) -> dict[str, Any]:
    missing = [n for n in FILES if not (d / n).is_file()]
    if missing:
        raise ModelError(f"ensemble member {d} lacks {', '.join(missing)} (train it with `sinowatch train events --out {d}`)")
    config = json.loads((d / "config.json").read_text())
    if "members" in config:
        raise ModelError(f"ensemble member {d} is itself an ensemble; name its members instead")
    return config


def build(members: Sequence[str | Path], out_dir: str | Path, *, data: str | Path = SENTENCES,
          check_rows: bool = True) -> dict[str, Any]:
    """Copy ``members`` into ``out_dir/members/``, calibrate the averaged probabilities on the shared
    validation rows of ``data`` and write ``out_dir/config.json``; returns that config.

    Raises :class:`ModelError` when fewer than two members are given, a member is incomplete, the members'
    type lists differ, or a member was not trained on ``data`` (its recorded train / val row counts differ;
    ``check_rows=False`` skips that check, for smoke runs whose members trained on a sample)."""
    import numpy as np
    from sinowatch.models.events.train import calibrate, scores, targets

    dirs = [Path(m) for m in members]
    if len(dirs) < 2:
        raise ModelError("an ensemble needs at least two --member folders")
    configs = [_member_config(d) for d in dirs]
    labels = configs[0]["labels"]
    if any(c["labels"] != labels for c in configs):
        raise ModelError("the members' type lists differ; train them with the same sinowatch version")
    rows = load(Path(data))
    val = [s for s in rows if s.split == "val"]
    n_train = len(rows) - len(val)
    for d, c in zip(dirs, configs, strict=True):
        if check_rows and (c.get("train_rows"), c.get("val_rows")) != (n_train, len(val)):
            raise ModelError(f"member {d} was trained on {c.get('train_rows')} / {c.get('val_rows')} train / val rows, "
                             f"not on {data} ({n_train} / {len(val)}): retrain it, or pass the --data it was trained on")
    out = Path(out_dir)
    if out.resolve() in {d.resolve() for d in dirs}:
        raise ModelError("--out must not be one of the members")
    names: list[str] = []
    for d, c in zip(dirs, configs, strict=True):
        name = f"{len(names)}-{c.get('version', 'unversioned')}"
        target = out / MEMBERS_DIR / name
        target.mkdir(parents=True, exist_ok=True)
        for f in FILES:
            shutil.copyfile(d / f, target / f)
        names.append(name)
    for stale in (out / MEMBERS_DIR).iterdir():
        if stale.name not in names:
            shutil.rmtree(stale, ignore_errors=True)
    for f in FILES[:2]:  # a single model's files left in the folder would never be read
        (out / f).unlink(missing_ok=True)
    texts = [s.text for s in val]
    y = targets(val)
    member_probs = [EventClassifier.load(out / MEMBERS_DIR / n).probs(texts) for n in names]
    probs = np.mean(member_probs, axis=0)
    th = calibrate(probs, y)
    sc = scores(probs, y, th)
    by_lang = {}
    for lang in ("en", "zh"):
        sel = np.array([s.lang == lang for s in val])
        if sel.any():
            by_lang[lang] = {k: v for k, v in scores(probs[sel], y[sel], th).items() if k != "per_type"}
    member_val = {}
    for n, c, p in zip(names, configs, member_probs, strict=True):
        own = [float(c["thresholds"][t]) for t in labels]
        member_val[n] = {k: v for k, v in scores(p, y, own).items() if k != "per_type"}
    thresholds = dict(zip(labels, th, strict=True))
    digest = hashlib.sha1(json.dumps({"members": [c.get("version") for c in configs], "thresholds": thresholds,
                                      "combine": "mean"}, sort_keys=True).encode()).hexdigest()[:12]
    config = {
        "labels": labels,
        "members": names,
        "combine": "mean",
        "thresholds": thresholds,
        "version": digest,
        "base_model": " + ".join(str(c.get("base_model")) for c in configs),
        "max_length": max(int(c["max_length"]) for c in configs),
        "train_rows": n_train,
        "val_rows": len(val),
        "val": sc,
        "val_by_lang": by_lang,
        "member_val_int8": member_val,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2))
    return config
