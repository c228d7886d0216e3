"""Validation figures of an artefact, as the shipping rules in MODEL_CARD.md read them (never test).

    python -m sinowatch.models.sentiment.valscore [--model DIR ...] [--data DIR]

Scores the int8 artefact on the validation rows ``train sentiment`` selects on: the general
validation split (SEntFiN, PhraseBank 66Agree, SemEval; each also alone) and the held-out domain
texts (and their Chinese part), and prints accuracy with the count of correct pairs and ``sel``
(mean of the general and domain accuracy). Also the beat validation files (``V_beat``:
``validation_beat.jsonl`` + ``validation_beat6.jsonl`` when present, never trained on), whole and
their policy and Chinese parts, model alone.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.data import VALIDATION_BEAT_FILES, Example, domain_example, training_sets


def beat_validation() -> dict[str, list[Example]]:
    """``V_beat`` (all beat validation files), ``V_beat_policy`` and ``V_beat_zh``."""
    rows: list[dict[str, Any]] = []
    for path in VALIDATION_BEAT_FILES:
        if path.exists():
            rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]

    all_rows = [domain_example(r, "validation_beat") for r in rows]
    return {
        "V_beat": all_rows,
        "V_beat_policy": [e for e, r in zip(all_rows, rows, strict=True) if r.get("topic") == "policy"],
        "V_beat_zh": [e for e in all_rows if is_zh(e)],
    }


def is_zh(e: Example) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in e.text)


def _acc(model: Any, rows: Sequence[Example]) -> dict[str, Any]:
    pred = [s.label for s in model.score([(e.target, e.text) for e in rows])]
    right = sum(p == e.label for p, e in zip(pred, rows, strict=True))
    return {"n": len(rows), "correct": right, "accuracy": round(right / max(len(rows), 1), 4)}


def validation_scores(data_dir: str | Path, model_dir: str | Path | None = None) -> dict[str, Any]:
    """The validation table of one artefact (see the module docstring)."""
    from sinowatch.models.sentiment.runtime import SentimentModel

    model = SentimentModel.load(model_dir)
    sets = training_sets(Path(data_dir))
    general, domain = sets["validation"], sets["validation_domain"]
    out: dict[str, Any] = {"model_version": model.version, "general": _acc(model, general)}
    for src in sorted({e.source for e in general}):
        out[src] = _acc(model, [e for e in general if e.source == src])
    out["domain"] = _acc(model, domain)
    out["domain_zh"] = _acc(model, [e for e in domain if is_zh(e)])
    for name, rows in beat_validation().items():
        out[name] = _acc(model, rows)
    out["sel"] = round((out["general"]["accuracy"] + out["domain"]["accuracy"]) / 2, 4)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", action="append", default=None,
                    help="artefact folder (default: the bundled one); repeat to score several on the same rows")
    ap.add_argument("--data", default="../shared/data/sentiment", help="folder of the sentiment data sets")
    args = ap.parse_args(argv)
    for model in args.model or [None]:
        print(json.dumps(validation_scores(args.data, model), indent=1))


if __name__ == "__main__":
    main()
