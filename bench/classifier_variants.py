"""DEV F1 and extraction cost of the event classifier's speed options, in the same run.

    .venv/bin/python -m bench.classifier_variants [--n 150] [--repeats 2]

For each variant (candidate rule, ONNX Runtime thread spinning, ``max_length``, combination
setting): article-level event-type F1 on the evaluation articles' DEV split and on the short
items' tuning half (the scorer of ``sinowatch eval-events``; never the test split), the sentences
the classifier typed per article and the extraction CPU time over ``n`` synthetic corpus articles
(bench.corpus, seed 0), best of ``repeats``, as a ratio to the rules alone measured in the same run.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

VARIANTS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("first release: broad, spinning", {"spin": True}, {"candidates_mode": "broad"}),
    ("strict, spinning", {"spin": True}, {"candidates_mode": "strict"}),
    ("strict, no spinning (default)", {}, {"candidates_mode": "strict"}),
    ("strict, no spinning, max_length 64", {"max_length": 64}, {"candidates_mode": "strict"}),
    ("veto only (DEV grid best)", {}, {"candidates_mode": "strict", "add_floor": 1.01, "drop_below": 0.15,
                                      "weak_rule": 0.8, "protect": ()}),
]


def main(argv: list[str] | None = None) -> int:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.evaluate import (
        ARTICLES,
        SHORT_ITEMS,
        load_articles,
        load_short,
        predicted_types,
        score_sets,
        set_params,
    )
    from sinowatch.models.events.runtime import EventClassifier

    from bench.corpus import generate
    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150, help="corpus articles timed")
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args(argv)
    docs = [Document(id=a["id"], title=a["title"], text=a["text"], lang=a["lang"]) for a in generate(args.n)]
    dev, short = load_articles(ARTICLES, "dev"), load_short(SHORT_ITEMS, "tuning")

    def f1(ex: Any, items: list[tuple[Document, set[str]]]) -> float:
        return float(score_sets([g for _, g in items], predicted_types(ex, [d for d, _ in items]))["f1"])

    def cpu(ex: Any, comps: list[Any]) -> float:
        list(ex.extract(docs[:10]))
        best = float("inf")
        for _ in range(max(1, args.repeats)):
            for c in comps:
                c._cache.clear()
                c.classified = 0
            t = time.process_time()
            list(ex.extract(docs))
            best = min(best, time.process_time() - t)
        return best

    rules = Extractor.load(ExtractionConfig(event_classifier=False))
    t_rules = cpu(rules, [])
    print(f"{args.n} corpus articles, best of {args.repeats}; DEV = evaluation articles' dev split")
    print(f"  {'rules alone':38s} DEV F1 {f1(rules, dev):.3f}  short tuning F1 {f1(rules, short):.3f}  "
          f"{t_rules:.2f} s CPU")
    for name, load_kw, params in VARIANTS:
        ex = Extractor.load(ExtractionConfig(event_classifier=True), event_model=EventClassifier.load(**load_kw))
        set_params(ex, **params)
        comps = [nlp.get_pipe("sinowatch_event_classifier") for nlp in ex.pipelines.values()]
        d, s = f1(ex, dev), f1(ex, short)
        secs = cpu(ex, comps)
        typed = sum(c.classified for c in comps) / max(1, args.n)
        print(f"  {name:38s} DEV F1 {d:.3f}  short tuning F1 {s:.3f}  {typed:.1f} sentences/article  "
              f"{secs:.2f} s CPU ({secs / t_rules:.1f}x rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
