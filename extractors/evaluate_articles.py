"""Event extraction measured on the full-length evaluation articles (tests/data/events/articles.jsonl).

Reported per split (``dev``, ``val``, ``test``, ``holdout``) and never mixed with the short dev items of
``evaluate.py``. Scores:

- entities: micro precision/recall over (article, watchlist id); government actor ids are left
  out on both sides (they are actors, not tagged entities, in the gold);
- event types: micro precision/recall/F1 over (article, type) pairs, and per type;
- status, actor and targets, on gold events that a predicted event of the same type *locates*
  (the predicted sentence shares at least 20 characters, or the whole evidence, with the gold
  evidence): status accuracy over all types, actor accuracy over export_control, entity_list,
  tariff and investigation, mean targets Jaccard, and targets micro P/R over (gold event,
  watchlist id) pairs;
- ``new`` events (gold status proposed/enacted/reversed, what an alert should fire on): recall
  of located gold events per policy type.

``python -m sinowatch.extractors.evaluate_articles --help``, or ``sinowatch eval --articles FILE
--split dev|val|test|holdout`` (one split, with the type confusion; the articles' errors on dev and
the spent holdouts only, ``--error-detail`` for every wrong event with its sentence). ``val``
chooses between configurations (rules vs rules + classifier, combination parameters), never rules
against its individual errors, so its errors are not listed. The ``test`` and ``holdout``
splits must never be used to choose anything; print them to report, not to tune (``holdout`` was written
after the system was built and is scored once per round).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sinowatch.extractors.evaluate import Counts

from sinowatch.errors import ExtractionError
from sinowatch.records import EVENT_TYPES, POLICY_TYPES, Document, Event, Extraction

DEFAULT_ARTICLES = Path("tests/data/events/articles.jsonl")
GOV_IDS = frozenset({"us-gov", "cn-gov", "nl-gov", "jp-gov", "kr-gov", "tw-gov", "eu"})
NEW_STATUSES = frozenset({"proposed", "enacted", "reversed"})
MIN_OVERLAP = 20


@dataclass
class Ratio:
    hit: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.n += 1

    @property
    def value(self) -> float | None:
        return self.hit / self.n if self.n else None


@dataclass
class ArticleScore:
    n: int = 0
    entities: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    located: Ratio = field(default_factory=Ratio)  # gold events located by a same-type prediction
    status: Ratio = field(default_factory=Ratio)
    actor: Ratio = field(default_factory=Ratio)
    targets_jaccard: list[float] = field(default_factory=list)
    targets: Counts = field(default_factory=Counts)  # (gold event, id) pairs of located events
    new_recall: dict[str, Ratio] = field(default_factory=lambda: {t: Ratio() for t in POLICY_TYPES})
    status_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: article-level type errors: (gold type, predicted type) for a predicted type the gold lacks
    #: whose sentence states a gold event of another type ("none": states none), and (gold type,
    #: "missed") for a gold type not predicted
    type_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def load_articles(path: str | Path = DEFAULT_ARTICLES) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.exists():
        raise ExtractionError(f"no evaluation articles at {path}: pass --data PATH")
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise ExtractionError(f"{path}:{no}: not JSON ({e.msg}); fix or remove the line") from None
    return rows


def _holds(sentence: str, evidence: str) -> bool:
    """The sentence holds the gold evidence, or lies inside it."""
    return evidence in sentence or bool(sentence and sentence in evidence)


def locates(pred: Event, evidence: str) -> bool:
    """The predicted event's sentence holds the gold evidence, or shares a long enough stretch of it."""
    sentence = pred.sentence or ""
    if _holds(sentence, evidence):
        return True
    m = SequenceMatcher(None, sentence, evidence, autojunk=False).find_longest_match(0, len(sentence), 0, len(evidence))
    return m.size >= min(MIN_OVERLAP, len(evidence))


def located_event(events: Iterable[Event], evidence: str) -> Event | None:
    """The predicted event that states a gold event: the first whose sentence holds the evidence (or lies inside it),
    else the first that shares a long enough stretch of it (:func:`locates`). A headline that shares a phrase with
    the evidence ("anti-dumping duties on Chinese ...") no longer stands for the body sentence that states the act
    (round 25)."""
    events = list(events)
    exact = next((e for e in events if e.sentence and _holds(e.sentence, evidence)), None)
    return exact or next((e for e in events if locates(e, evidence)), None)


def score_article(s: ArticleScore, row: dict[str, Any], ex: Extraction) -> None:
    s.n += 1
    gold_e = set(row["entities"]) - GOV_IDS
    pred_e = {r.entity for r in ex.entities} - GOV_IDS
    s.entities.add(gold_e, pred_e)
    gold_t = {g["type"] for g in row["events"]}
    pred_t = {e.type for e in ex.events}
    s.events.add(gold_t, pred_t)
    for t in EVENT_TYPES:
        s.per_type[t].add({t} & gold_t, {t} & pred_t)
    by_type: dict[str, list[Event]] = defaultdict(list)
    for e in ex.events:
        by_type[e.type].append(e)
    for i, g in enumerate(row["events"]):
        hit = located_event(by_type.get(g["type"], []), g["evidence"])
        s.located.add(hit is not None)
        if g["type"] in POLICY_TYPES and g["status"] in NEW_STATUSES:
            s.new_recall[g["type"]].add(hit is not None)
        if hit is None:
            continue
        s.status.add(hit.status == g["status"])
        s.status_confusion[(g["status"], hit.status or "none")] += 1
        if g["type"] in POLICY_TYPES:
            s.actor.add(hit.actor == g["actor"])
        gold_tg, pred_tg = set(g["targets"]), set(hit.targets)
        s.targets.add({(i, t) for t in gold_tg}, {(i, t) for t in pred_tg})
        s.targets_jaccard.append(len(gold_tg & pred_tg) / len(gold_tg | pred_tg) if gold_tg | pred_tg else 1.0)
    s.type_confusion.update(type_confusion(row, ex))


def type_confusion(row: dict[str, Any], ex: Extraction) -> set[tuple[str, str]]:
    """One article's type errors: (gold type of the event the wrong type's sentence states, or
    "none", wrong type) per predicted type the gold lacks, and (gold type, "missed") per gold type
    not predicted."""
    gold_t = {g["type"] for g in row["events"]}
    out: set[tuple[str, str]] = set()
    for e in ex.events:
        if e.type in gold_t:
            continue
        stated = {g["type"] for g in row["events"] if locates(e, g["evidence"])}
        out.update((g, e.type) for g in stated or {"none"})
    out.update((t, "missed") for t in gold_t - {e.type for e in ex.events})
    return out


def evaluate_articles(extractor: Any, rows: Sequence[dict[str, Any]], *, batch_size: int = 16) -> dict[str, ArticleScore]:
    # the publication date lets the extractor read "added in 2019" as background in a 2025 article
    docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"], published=r.get("published"))
            for r in rows]
    scores = {name: ArticleScore() for name in SPLITS}
    for row, ex in zip(rows, extractor.extract(docs, batch_size=batch_size), strict=True):
        score_article(scores[row["split"]], row, ex)
    return scores


#: the holdouts, one per round, each scored once (4-15: at the end of rounds 6-17); a new round appends its own
HOLDOUTS = ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9",
            "holdout10", "holdout11", "holdout12", "holdout13",
            "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22", "holdout23",
            "holdout24", "holdout25", "holdout26", "holdout27", "holdout28", "holdout29", "holdout30", "holdout31", "holdout32", "holdout33", "holdout34", "holdout35", "holdout36", "holdout37",
            "holdout38", "holdout39", "holdout40", "holdout41", "holdout42", "holdout43", "holdout44", "holdout45", "holdout46", "holdout47")
#: this round's holdout while it is sealed (merged, not yet scored); empty once it is spent
SEALED: tuple[str, ...] = ()
#: the five oldest validation splits, read like dev since round 29 (their errors listed and studied; models/events/
#: MODEL_CARD.md, "Round 29"): they no longer choose anything
DEVELOPMENT_SPLITS = ("val", "val2", "val3", "val4", "val5")
#: the validation splits: they choose configurations only (never trained on, errors never listed)
VALIDATION_SPLITS = ("val6", "val7", "val8", "val9", "val10", "val11", "val12", "val13", "val14", "val15", "val16", "val17", "val18", "val19", "val20", "val21", "val22", "val23", "val24", "val25", "val26", "val27", "val28", "val29", "val30")
SPLITS = ("dev", *DEVELOPMENT_SPLITS, *VALIDATION_SPLITS, "test", *HOLDOUTS)
REPORT_ONLY = ("test", *HOLDOUTS)  # never tuned on: printed to report, not to choose
#: the holdouts scored in earlier rounds
SPENT = tuple(h for h in HOLDOUTS if h not in SEALED)
#: splits whose individual errors may be listed: dev (tuned on), the development splits val..val5 (since round 29)
#: and the SPENT holdouts (scored once in an earlier round; studying their errors is allowed, and a change they
#: prompt is disclosed). Never a validation split (it chooses configurations: its errors would turn it into a tuning
#: set), test, or a sealed holdout.
ERROR_SPLITS = ("dev", *DEVELOPMENT_SPLITS, *SPENT)


def article_errors(row: dict[str, Any], ex: Extraction) -> dict[str, Any] | None:
    """What the extractor got wrong in one article (types missed and wrong; status, actor and
    targets of located gold events), or None. For listing the dev split's errors only."""
    gold_t = {g["type"] for g in row["events"]}
    pred_t = {e.type for e in ex.events}
    problems = []
    for g in row["events"]:
        hit = located_event((e for e in ex.events if e.type == g["type"]), g["evidence"])
        if hit is None:
            continue
        if hit.status != g["status"]:
            problems.append(f"{g['type']} status {hit.status} (gold {g['status']})")
        if g["type"] in POLICY_TYPES and hit.actor != g["actor"]:
            problems.append(f"{g['type']} actor {hit.actor} (gold {g['actor']})")
        if g["type"] in POLICY_TYPES and set(hit.targets) != set(g["targets"]):
            problems.append(f"{g['type']} targets {sorted(hit.targets)} (gold {sorted(g['targets'])})")
    if gold_t == pred_t and not problems:
        return None
    return {"id": row["id"], "title": row["title"], "missed": sorted(gold_t - pred_t),
            "wrong": sorted(pred_t - gold_t), "roles": "; ".join(problems), "details": error_details(row, ex)}


def _source(e: Event) -> str:
    return f"rule {e.confidence:.2f} {e.trigger!r}" if e.trigger is not None else f"classifier {e.confidence:.2f}"


def error_details(row: dict[str, Any], ex: Extraction) -> list[str]:
    """One line per wrong event of an article, with its sentence: a false type (``FP``, with the
    rule trigger or the classifier's probability), a missed gold event (``FN``, with its evidence),
    a wrong status (``STATUS``)."""
    gold_t = {g["type"] for g in row["events"]}
    out = []
    for e in ex.events:
        if e.type not in gold_t:
            out.append(f"FP {e.type} [{_source(e)}; {e.status}] {e.field}: {e.sentence[:220]}")
    for g in row["events"]:
        hit = located_event((e for e in ex.events if e.type == g["type"]), g["evidence"])
        if hit is None:
            if g["type"] not in {e.type for e in ex.events}:
                other = sorted({e.type for e in ex.events if locates(e, g["evidence"])})
                out.append(f"FN {g['type']} ({g['status']}; typed there: {', '.join(other) or 'nothing'}): "
                           f"{g['evidence'][:220]}")
        elif hit.status != g["status"]:
            out.append(f"STATUS {g['type']} {hit.status} (gold {g['status']}) [{_source(hit)}]: {hit.sentence[:220]}")
    return out


#: named groups of splits scored pooled (round 25): the validation splits that choose extractor changes, and the
#: spent holdouts whose errors they are found on
SPLIT_GROUPS = {"validation": VALIDATION_SPLITS, "development": DEVELOPMENT_SPLITS, "spent": SPENT}


def split_names(split: str) -> tuple[str, ...]:
    """The splits ``split`` names: one split, a group of :data:`SPLIT_GROUPS` (``validation``, ``development``, ``spent``) or a
    comma-separated list of splits, scored pooled."""
    names = SPLIT_GROUPS.get(split) or tuple(p.strip() for p in split.split(",") if p.strip())
    bad = [n for n in names if n not in SPLITS]
    if not names or bad:
        raise ExtractionError(f"--split must be one of {', '.join(SPLITS)}, a group ({', '.join(SPLIT_GROUPS)}) or a "
                              f"comma-separated list of splits, got {split!r}")
    return names


def evaluate_split(extractor: Any, rows: Sequence[dict[str, Any]], split: str, *,
                   batch_size: int = 16) -> tuple[ArticleScore, list[dict[str, Any]]]:
    """The score of one split's articles (or of several, pooled: :func:`split_names`), and their errors when every
    split is one of :data:`ERROR_SPLITS` (dev, val..val5 and the spent holdouts; never a validation split, test or a
    sealed holdout)."""
    names = split_names(split)
    listed = all(n in ERROR_SPLITS for n in names)
    chosen = [r for r in rows if r.get("split") in names]
    docs = [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"], published=r.get("published"))
            for r in chosen]
    score = ArticleScore()
    errors = []
    for row, ex in zip(chosen, extractor.extract(docs, batch_size=batch_size), strict=True):
        score_article(score, row, ex)
        if listed and (err := article_errors(row, ex)) is not None:
            errors.append(err)
    return score, errors


def stats(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Size of the set: articles, languages, splits, gold events, multi-report actions."""
    reports: Counter[str] = Counter()
    langs: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    for r in rows:
        for g in r["events"]:
            types[g["action"]] = g["type"]
        for action in {g["action"] for g in r["events"]}:
            reports[action] += 1
            langs[action].add(r["lang"])
    multi = [a for a, n in reports.items() if n >= 2]
    policy = [a for a in multi if types[a] != "market_move"]
    events = [g for r in rows for g in r["events"]]
    lines = [
        f"articles {len(rows)} (zh {sum(r['lang'] == 'zh' for r in rows)}, "
        f"dev {sum(r['split'] == 'dev' for r in rows)}, val {sum(r['split'] == 'val' for r in rows)}, test {sum(r['split'] == 'test' for r in rows)}, "
        f"holdout {sum(r['split'] == 'holdout' for r in rows)}, holdout2 {sum(r['split'] == 'holdout2' for r in rows)}, "
        f"without events {sum(not r['events'] for r in rows)}), storylines {len({r['story'] for r in rows})}",
        f"gold events {len(events)}, actions {len(reports)}; reported by 2+ articles {len(multi)} "
        f"(en+zh {sum(langs[a] == {'en', 'zh'} for a in multi)}); without market moves {len(policy)} "
        f"(en+zh {sum(langs[a] == {'en', 'zh'} for a in policy)})",
        "types " + ", ".join(f"{t} {n}" for t, n in sorted(Counter(g['type'] for g in events).items())),
        "statuses " + ", ".join(f"{t} {n}" for t, n in sorted(Counter(g['status'] for g in events).items())),
    ]
    return lines


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def report(scores: dict[str, ArticleScore]) -> list[str]:
    out = ["split  articles  entP   entR   evtP   evtR   evtF1  located status actor  targetsJ"]
    for name, s in scores.items():
        tj = sum(s.targets_jaccard) / len(s.targets_jaccard) if s.targets_jaccard else None
        out.append(f"{name:<6} {s.n:>8}  {_fmt(s.entities.precision)}  {_fmt(s.entities.recall)}  "
                   f"{_fmt(s.events.precision)}  {_fmt(s.events.recall)}  {_fmt(s.events.f1)}  "
                   f"{_fmt(s.located.value)}   {_fmt(s.status.value)}  {_fmt(s.actor.value)}  {_fmt(tj)}")
    out.append("")
    out.append("type              " + "  ".join(f"{n + ' P':>7} {n + ' R':>7} {n + ' F1':>8}" for n in scores))
    for t in EVENT_TYPES:
        out.append(f"{t:<17} " + "  ".join(
            f"{_fmt(s.per_type[t].precision):>7} {_fmt(s.per_type[t].recall):>7} {_fmt(s.per_type[t].f1):>8}"
            for s in scores.values()))
    out.append("")
    out.append("new (proposed/enacted/reversed) gold events located, per policy type: " + "; ".join(
        f"{name}: " + ", ".join(f"{t} {_fmt(s.new_recall[t].value)} (n={s.new_recall[t].n})" for t in POLICY_TYPES)
        for name, s in scores.items()))
    for name, s in scores.items():
        conf = ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(s.status_confusion.items()) if g != p)
        out.append(f"{name} status errors (gold->pred): {conf or 'none'}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m sinowatch.extractors.evaluate_articles",
        description="Score the extractor on the full-length evaluation articles, dev and test reported apart. "
                    "The test split is for reporting only, never for tuning.")
    ap.add_argument("--data", type=Path, default=DEFAULT_ARTICLES, help="articles JSON lines (default: %(default)s)")
    ap.add_argument("--stats", action="store_true", help="only print the size of the set, without running the extractor")
    ap.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        rows = load_articles(args.data)
    except ExtractionError as e:
        print(f"error: {e}")
        return 2
    print("\n".join(stats(rows)))
    if args.stats:
        return 0
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import Config
    from sinowatch.scoring import load_event_model

    cfg = Config()  # the default configuration (rules + classifier since #15 round 5)
    extractor = Extractor.load(cfg.extraction, event_model=load_event_model(cfg))
    print(f"extractor {extractor.version}, watchlist {extractor.watchlist_version}, data {args.data}")
    print("\n".join(report(evaluate_articles(extractor, rows, batch_size=args.batch_size))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
