"""Measure the event classifier: on its val sentences, and beside the rules on full articles.

    python -m sinowatch.models.events.evaluate                     # val + articles DEV + short items
    python -m sinowatch.models.events.evaluate --tune              # also the combination grid (DEV)
    python -m sinowatch.models.events.evaluate --split val --tune  # the grid on val (choosing the default)

* **val sentences** (``corpus/sentences.jsonl``, split ``val``): micro/macro F1 at the calibrated
  thresholds, per type and per language (the int8 artefact, as shipped).
* **articles** (``tests/data/events/articles.jsonl``, written for #15a): article-level event types
  (the set of types of all events found in title and body against the gold set), micro P/R/F1 and
  export_control / entity_list P/R, for the rules alone and rules + classifier. Only the ``dev``
  split is ever scored here unless ``--split test`` is given explicitly (the test split is for the
  final report, never for choosing anything).
* **short items** (``tests/data/extraction_dev.jsonl``): the same, on the older one-to-three
  sentence set (its tuning and held-out halves).

``--tune`` scores a grid of (add_floor, drop_below, weak_rule) on the dev or val articles; the chosen
setting is written into ``extractors/event_classifier.py``'s defaults by hand (see the model card).
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sinowatch.records import EVENT_TYPES, Document

ARTICLES = Path("tests/data/events/articles.jsonl")
SHORT_ITEMS = Path("tests/data/extraction_dev.jsonl")
FOCUS = ("export_control", "entity_list")


def load_articles(path: Path, split: str) -> list[tuple[Document, set[str]]]:
    """(document, gold types) for the articles of ``split``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        if a.get("split") != split:
            continue
        out.append((Document(id=a["id"], title=a["title"], text=a["text"], lang=a.get("lang"),
                             published=a.get("published")),
                    {e["type"] for e in a.get("events", [])}))
    return out


def load_short(path: Path, half: str) -> list[tuple[Document, set[str]]]:
    """(document, gold types) of the short items: ``tuning`` (odd ids) or ``held-out`` (even)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        odd = int("".join(c for c in a["id"] if c.isdigit()) or 0) % 2 == 1
        if (half == "tuning") == odd:
            out.append((Document(id=a["id"], title=a.get("title", ""), text=a.get("text", ""), lang=a.get("lang")),
                        set(a.get("events", []))))
    return out


def score_sets(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, Any]:
    """Micro P/R/F1 over (article, type) pairs, and P/R per type."""
    def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "tp": tp, "fp": fp, "fn": fn}

    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, pred, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, pred, strict=True))
    per = {}
    for t in EVENT_TYPES:
        per[t] = prf(sum(t in g and t in p for g, p in zip(gold, pred, strict=True)),
                     sum(t in p and t not in g for g, p in zip(gold, pred, strict=True)),
                     sum(t in g and t not in p for g, p in zip(gold, pred, strict=True)))
    return {"items": len(gold), **prf(tp, fp, fn), "per_type": per}


def predicted_types(extractor: Any, docs: Iterable[Document]) -> list[set[str]]:
    return [{e.type for e in ex.events} for ex in extractor.extract(list(docs))]


def set_params(extractor: Any, **params: Any) -> None:
    """Set the classifier component's combination parameters on every pipeline."""
    for nlp in extractor.pipelines.values():
        if "sinowatch_event_classifier" in nlp.pipe_names:
            comp = nlp.get_pipe("sinowatch_event_classifier")
            for k, v in params.items():
                setattr(comp, k, v)


def val_report(model: Any, data: Path | None = None) -> dict[str, Any]:
    """The int8 model on the val sentences, at its calibrated thresholds (all, en, zh)."""
    import numpy as np
    from sinowatch.models.events.data import SENTENCES, load
    from sinowatch.models.events.train import scores, targets

    rows = [s for s in load(data or SENTENCES) if s.split == "val"]
    probs = model.probs([s.text for s in rows])
    y = targets(rows)
    th = [model.thresholds[t] for t in model.labels]
    out: dict[str, Any] = {"all": scores(probs, y, th)}
    for lang in ("en", "zh"):
        sel = np.array([s.lang == lang for s in rows])
        if sel.any():
            out[lang] = {k: v for k, v in scores(probs[sel], y[sel], th).items() if k != "per_type"}
    return out


GRID: dict[str, tuple[Any, ...]] = {
    "add_floor": (0.5, 0.7, 0.85, 0.95, 1.01), "drop_below": (0.0, 0.05, 0.15, 0.3, 0.5),
    "weak_rule": (0.8, 0.9, 0.95, 1.0), "protect": ((), FOCUS, (*FOCUS, "market_move"))}


def tune(extractor: Any, items: Sequence[tuple[Document, set[str]]]) -> list[dict[str, Any]]:
    """Every grid setting scored on ``items`` (dev or val articles, never test), best micro-F1 first; ties go to
    the setting that changes the rules least (higher add_floor, lower drop_below)."""
    gold = [g for _, g in items]
    docs = [d for d, _ in items]
    rows = []
    for add_floor, drop_below, weak_rule, protect in itertools.product(*GRID.values()):
        if drop_below == 0.0 and (weak_rule != GRID["weak_rule"][0] or protect):
            continue  # weak_rule and protect are moot when nothing is dropped
        set_params(extractor, add_floor=add_floor, drop_below=drop_below, weak_rule=weak_rule, protect=protect)
        s = score_sets(gold, predicted_types(extractor, docs))
        rows.append({"add_floor": add_floor, "drop_below": drop_below, "weak_rule": weak_rule,
                     "protect": list(protect), "f1": s["f1"],
                     "precision": s["precision"], "recall": s["recall"],
                     **{f"{t}_r": s["per_type"][t]["recall"] for t in FOCUS},
                     **{f"{t}_p": s["per_type"][t]["precision"] for t in FOCUS}})
    rows.sort(key=lambda r: (-r["f1"], -r["add_floor"], r["drop_below"]))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    from sinowatch.extractors.event_classifier import (
        DEFAULT_ADD_FLOOR,
        DEFAULT_DROP_BELOW,
        DEFAULT_PROTECT,
        DEFAULT_WEAK_RULE,
    )
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.runtime import EventClassifier

    from sinowatch.config import ExtractionConfig

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--split", default="dev", help="articles split to score: dev (tune rules), val (choose "
                    "configurations), 'test' only for the final report")
    ap.add_argument("--short", type=Path, default=SHORT_ITEMS)
    ap.add_argument("--model", type=Path, default=None, help="classifier artefact folder (default: bundled)")
    ap.add_argument("--tune", action="store_true", help="score the combination grid on the --split articles (dev or val)")
    ap.add_argument("--top", type=int, default=15, help="grid settings printed with --tune (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args(argv)

    model = EventClassifier.load(args.model)
    rules = Extractor.load(ExtractionConfig(event_classifier=False))
    both = Extractor.load(ExtractionConfig(event_classifier=True), event_model=model)
    result: dict[str, Any] = {"model": model.version, "val_sentences": val_report(model),
                              "combination": {"add_floor": DEFAULT_ADD_FLOOR, "drop_below": DEFAULT_DROP_BELOW,
                                              "weak_rule": DEFAULT_WEAK_RULE, "protect": list(DEFAULT_PROTECT)}}
    sets: dict[str, list[tuple[Document, set[str]]]] = {}
    if args.articles.exists():
        sets[f"articles {args.split}"] = load_articles(args.articles, args.split)
        sets[f"articles {args.split} zh"] = [x for x in sets[f"articles {args.split}"] if x[0].lang == "zh"]
    if args.short.exists():
        sets["short items tuning"] = load_short(args.short, "tuning")
        sets["short items held-out"] = load_short(args.short, "held-out")
    for name, items in sets.items():
        if not items:
            continue
        gold = [g for _, g in items]
        result[name] = {"rules": score_sets(gold, predicted_types(rules, [d for d, _ in items])),
                        "rules+classifier": score_sets(gold, predicted_types(both, [d for d, _ in items]))}
    if args.tune:
        if args.split not in ("dev", "val"):
            ap.error("--tune runs on the dev or val split only (val: choosing the combination, #15 round 5)")
        result["tuning"] = tune(both, sets.get(f"articles {args.split}", []))[:args.top]
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    _print(result)
    return 0


def _print(result: dict[str, Any]) -> None:
    v = result["val_sentences"]
    print(f"model {result['model']}; combination {result['combination']}")
    print(f"val sentences: micro-F1 {v['all']['micro_f1']} (P {v['all']['micro_precision']}, "
          f"R {v['all']['micro_recall']}), macro-F1 {v['all']['macro_f1']}, rows {v['all']['rows']}, "
          f"none false-alarm rate {v['all']['none_false_alarm_rate']}")
    for lang in ("en", "zh"):
        if lang in v:
            print(f"  {lang}: micro-F1 {v[lang]['micro_f1']} (P {v[lang]['micro_precision']}, "
                  f"R {v[lang]['micro_recall']}), rows {v[lang]['rows']}")
    print("  per type (P / R / F1 / n): " + "; ".join(
        f"{t} {s['precision']}/{s['recall']}/{s['f1']}/{s['support']}" for t, s in v["all"]["per_type"].items()))
    for name, r in result.items():
        if not isinstance(r, dict) or "rules" not in r:
            continue
        print(f"{name} ({r['rules']['items']} items): article-level event types")
        for sysname in ("rules", "rules+classifier"):
            s = r[sysname]
            focus = ", ".join(f"{t} P {s['per_type'][t]['precision']} R {s['per_type'][t]['recall']}" for t in FOCUS)
            print(f"  {sysname:17s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  ({focus})")
    for row in result.get("tuning", []):
        print("  tune", row)


if __name__ == "__main__":
    raise SystemExit(main())
