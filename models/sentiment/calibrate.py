"""The neutral band, chosen on validation: a bias against (or for) the neutral class.

The fine-tuned model's neutral class is trained mostly on SEntFiN and PhraseBank, where "neutral"
is common; on this beat many clear market-moving or policy facts came out neutral with a small
score. ``neutral_bias`` ``b`` shrinks the neutral probability: ``P(neutral) * exp(-b)``, the three
probabilities renormalised, then argmax (``b = 0`` is the plain model; ``b > 0`` narrows the band).

``b`` is chosen on the validation rows only (the general validation split and the held-out domain
texts): the grid ``-1.0 .. 2.0`` (step 0.1), maximising the selection score (mean of the two
accuracies), ties to the smallest ``|b|``, among the biases that keep the general validation
accuracy within :data:`GENERAL_GUARD` of the plain model's (the SEntFiN / PhraseBank floors); it is
kept only if it raises the score by at least :data:`MIN_GAIN`. The result is stored in the artefact's ``config.json`` as ``neutral_bias`` and
:class:`~sinowatch.models.sentiment.runtime.SentimentModel` applies it in ``score``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.data import LABEL2ID, Example, training_sets

GRID = tuple(round(-1.0 + 0.1 * i, 1) for i in range(31))
MIN_GAIN = 0.005
#: the band may not cost more than this much general validation accuracy (the public sets' floors)
GENERAL_GUARD = 0.005
NEUTRAL = LABEL2ID["neutral"]


def apply_neutral_bias(probs: Any, bias: float) -> Any:
    """Probabilities with the neutral column scaled by ``exp(-bias)`` and rows renormalised."""
    import numpy as np

    p = np.array(probs, dtype=np.float64, copy=True)
    if bias:
        p[:, NEUTRAL] *= math.exp(-bias)
        p /= p.sum(axis=1, keepdims=True)
    return p


def accuracy(probs: Any, rows: Sequence[Example], bias: float = 0.0) -> float:
    import numpy as np

    if not len(rows):
        return float("nan")
    pred = apply_neutral_bias(probs, bias).argmax(1)
    return float(np.mean(pred == np.array([LABEL2ID[e.label] for e in rows])))


def selection(general: float, domain: float) -> float:
    return general if math.isnan(domain) else (general + domain) / 2


def choose_bias(
    probs_general: Any, general: Sequence[Example], probs_domain: Any, domain: Sequence[Example]
) -> dict[str, Any]:
    """Scan :data:`GRID`; return the chosen bias and the validation figures at 0 and at the bias."""
    def scores(b: float) -> dict[str, float]:
        g, d = accuracy(probs_general, general, b), accuracy(probs_domain, domain, b)
        return {"val_acc": round(g, 4), "val_domain_acc": round(d, 4), "selection": round(selection(g, d), 4)}

    base = scores(0.0)
    floor = round(base["val_acc"] - GENERAL_GUARD, 4)
    best_b, best = 0.0, base
    for b in sorted(GRID, key=abs):
        s = scores(b)
        if s["selection"] > best["selection"] and s["val_acc"] >= floor:
            best_b, best = b, s
    keep = best["selection"] - base["selection"] >= MIN_GAIN
    return {"neutral_bias": best_b if keep else 0.0, "at_zero": base, "at_best": best, "best_bias": best_b,
            "kept": keep, "grid": [GRID[0], GRID[-1], 0.1], "min_gain": MIN_GAIN,
            "general_guard": GENERAL_GUARD, "min_general_val_acc": floor}


def calibrate(data_dir: str | Path, model_dir: str | Path | None = None, *, write: bool = True) -> dict[str, Any]:
    """Choose ``neutral_bias`` for the int8 artefact in ``model_dir`` on the validation rows of
    ``data_dir``; see :func:`calibrate_rows`."""
    sets = training_sets(Path(data_dir), seed=0)
    return calibrate_rows(model_dir, sets["validation"], sets["validation_domain"], write=write)


def calibrate_rows(
    model_dir: str | Path | None, general: Sequence[Example], domain: Sequence[Example], *, write: bool = True
) -> dict[str, Any]:
    """Choose ``neutral_bias`` on these validation rows; write it to the artefact's ``config.json``
    (with the record under ``neutral_band``) when ``write``."""
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel

    d = Path(model_dir) if model_dir is not None else ARTIFACT_DIR
    model = SentimentModel.load(d)
    pg = model.probs([(e.target, e.text) for e in general])
    pd = model.probs([(e.target, e.text) for e in domain]) if domain else []
    record = choose_bias(pg, general, pd, domain)
    record["validation_rows"] = {"general": len(general), "domain": len(domain)}
    record["model_version"] = model.version
    if write:
        cfg_path = d / "config.json"
        cfg = json.loads(cfg_path.read_text())
        cfg["neutral_bias"] = record["neutral_bias"]
        cfg["neutral_band"] = record
        cfg_path.write_text(json.dumps(cfg, indent=2))
    return record
