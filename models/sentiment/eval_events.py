"""The event layer (``policy.py``) measured as users get it, and chosen on validation rows.

    python -m sinowatch.models.sentiment.eval_events [--model DIR] [--data DIR] [--switches a,b | --sample FILE]

For each (target, ``headline | lead``) pair the extractor runs on the text (headline as the title,
lead as the body, as an article would reach it), the target is found among its watchlist
mentions, and :func:`policy.adjust` combines the model's sentiment with the events of the text.
The grid below is scanned on the validation rows V (the held-out domain texts and
``validation_beat.jsonl``; never test) and the rule written in MODEL_CARD.md ("Event layer")
picks the setting. ``eval-sentiment`` uses :func:`adjusted_labels` for its test figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.models.sentiment.data import (
    HEADLINE_SEP,
    VALIDATION_BEAT_FILES,
    Example,
    load_domain,
    training_sets,
)
from sinowatch.models.sentiment.policy import BODY_KINDS, SHIPPED_RULE, EventRule, adjust, context_events

from sinowatch.records import Document, Event, Sentiment

GRID = [EventRule(c, k, a, g, n, m, q, b, v, r) for c, k, a, g, n, m, q, b, v, r in
        itertools.product((0.7, 0.8, 0.9), (0.3, 0.5, 0.7, 0.9, 2.0), (False, True), (False, True), (False, True),
                          (False, True), (False, True), (False, True), (False, True), (False, True))]
#: the rule's thresholds (MODEL_CARD.md): pairs gained on V, general validation accuracy lost
MIN_GAIN_PAIRS = 3
GENERAL_GUARD = 0.005
#: GUIDELINE.md's examples (target, text, label): printed, never used to choose
GUIDELINE_EXAMPLES = [
    ("Nvidia", "US requires licences for Nvidia's H20 sales to China", "negative"),
    ("Samsung", "Samsung and SK Hynix win waivers to keep China fabs running, for now", "negative"),
    ("SMIC", "Chinese chipmakers such as SMIC shrug off curbs as output rises", "positive"),
    ("Nvidia", "Huawei's Ascend takes share from Nvidia at Chinese clouds", "negative"),
    ("Cambricon", "Ban on H20 lifts Cambricon shares", "positive"),
    ("Alibaba", "Alibaba pledges 380 billion yuan for AI infrastructure", "positive"),
    ("CXMT", "US weighs adding CXMT to the Entity List, sources say", "negative"),
    ("Commerce Department", "Commerce Department adds 140 firms to the Entity List", "neutral"),
    ("Intel", "Intel wins a China licence but loses its largest Chinese client", "neutral"),
]

#: per example: the target's entity id, the events of its context, its watchlist kind
#: (``government`` for an ``actor_only`` entity), the context text and the mention
Context = tuple[str | None, tuple[Event, ...], str | None, str, str]


def pipeline_extractor() -> Any:
    """The extractor the pipeline runs with the default config (rules and, since #15 round 5, the
    event classifier), so the figures are what users get."""
    from sinowatch.config import Config
    from sinowatch.extract_stage import get_extractor

    return get_extractor(Config())


def document_of(text: str, key: str = "pair") -> Document:
    """A ``headline | lead`` text as an article: the headline is the title, the rest the body."""
    head, sep, rest = text.partition(HEADLINE_SEP)
    return Document(id=key, title=head.strip(), text=rest.strip() if sep else "")


def contexts(examples: Sequence[Example], extractor: Any) -> list[Context]:
    """Per example: the watchlist entity id of its target (None when the target is no watchlist
    mention of the text) and the events of that mention's context, as the pipeline picks them
    (``policy.context_events``). A target in the lead is taken there (its pipeline context,
    ``headline | sentence``, is the pair's text), else in the headline."""
    docs = [document_of(e.text, str(i)) for i, e in enumerate(examples)]
    governments = _government_names(extractor)
    out: list[Context] = []
    for e, ex in zip(examples, extractor.extract(docs), strict=True):
        target = e.target.casefold()
        found = sorted((m for m in ex.mentions if m.text.casefold() == target), key=lambda m: m.field == "title")
        if not found and e.entity:
            # the writer's mention is no alias ("Yangtze Memory"): the extractor's mention of the
            # pair's own entity id, as the pipeline scores it (MODEL_CARD.md, round 10)
            found = sorted((m for m in ex.mentions if m.entity == e.entity), key=lambda m: m.field == "title")
        if not found:
            # a government ("Beijing", "美方") is an actor, never a mention the warehouse scores: the
            # layer's ``bodies_neutral`` reads it as a government, as it reads a body the pair names
            # by id ("Defense officials": us-gov); otherwise the model's label stands
            gov = governments.get(target)
            body = _body_kind(extractor, e.entity)
            out.append((gov, (), "government", e.text, e.target) if gov
                       else (e.entity, (), body, e.text, e.target) if body
                       else (None, (), None, e.text, e.target))
            continue
        m = found[0]
        out.append((m.entity, tuple(context_events(ex.events, m.field, m.sentence)), m.kind, e.text, m.text))
    return out


def _body_kind(extractor: Any, entity_id: str | None) -> str | None:
    """The layer's kind of a government, agency or policy id (``government`` for an ``actor_only``
    entity), or None for a firm, a chip, an unknown id or none."""
    watchlist = getattr(extractor, "watchlist", None)
    entity = watchlist.entities.get(entity_id) if watchlist is not None and entity_id else None
    if entity is None:
        return None
    kind = "government" if entity.actor_only else entity.kind
    return kind if kind in BODY_KINDS else None


def _government_names(extractor: Any) -> dict[str, str]:
    """Casefolded alias -> id of the watchlist's ``actor_only`` governments."""
    watchlist = getattr(extractor, "watchlist", None)
    if watchlist is None:
        return {}
    return {a.text.casefold(): e.id for e in watchlist.entities.values() if e.actor_only for a in e.aliases}


def adjusted(sentiments: Sequence[Sentiment], ctx: Sequence[Context], rule: EventRule | None) -> list[Sentiment]:
    """The model's sentiments with the event layer applied (unchanged when ``rule`` is None)."""
    if rule is None:
        return list(sentiments)
    return [adjust(s, ent, evs, rule, kind, context=text, mention=mention) if ent else s
            for s, (ent, evs, kind, text, mention) in zip(sentiments, ctx, strict=True)]


def adjusted_labels(model: Any, examples: Sequence[Example], extractor: Any, rule: EventRule | None) -> list[str]:
    """Labels of ``examples`` as the pipeline gives them: the model, then the event layer."""
    sents = model.score([(e.target, e.text) for e in examples])
    if rule is None:
        return [s.label for s in sents]
    return [s.label for s in adjusted(sents, contexts(examples, extractor), rule)]


def _right(labels: Sequence[str], rows: Sequence[Example]) -> int:
    return sum(p == e.label for p, e in zip(labels, rows, strict=True))


def validation_rows(data_dir: Path) -> dict[str, list[Example]]:
    sets = training_sets(data_dir)
    out = {"V_domain": sets["validation_domain"], "general": sets["validation"]}
    beat = [e for p in VALIDATION_BEAT_FILES if p.exists() for e in load_domain(p, "validation_beat")]
    if beat:
        out["V_beat"] = beat
    return out


#: the rows whose pairs right make up ``V``
V_KEYS = ("V_domain", "V_beat")


def _scored_rows(data_dir: str | Path, model_dir: str | Path | None, extra: dict[str, list[Example]]
                 ) -> tuple[Any, dict[str, list[Example]], dict[str, list[Sentiment]], dict[str, list[Context]]]:
    """The bundled (or ``model_dir``'s) model, the validation rows with ``extra`` after them, the model's
    sentiment of every row and every row's context as the pipeline's extractor gives it."""
    from sinowatch.models.sentiment.runtime import SentimentModel

    model = SentimentModel.load(model_dir)
    extractor = pipeline_extractor()
    rows = {**validation_rows(Path(data_dir)), **extra}
    sents = {k: model.score([(e.target, e.text) for e in v]) for k, v in rows.items()}
    ctx = {k: contexts(v, extractor) for k, v in rows.items()}
    return model, rows, sents, ctx


def _right_counts(rows: dict[str, list[Example]], labelled: dict[str, list[Sentiment]]) -> dict[str, Any]:
    """Pairs right per row set, and ``V`` (their sum over :data:`V_KEYS`)."""
    f: dict[str, Any] = {k: _right([s.label for s in labelled[k]], v) for k, v in rows.items()}
    f["V"] = sum(f[k] for k in V_KEYS if k in rows)
    return f


def around(base: EventRule, switches: Sequence[str]) -> list[EventRule]:
    """``base`` with each combination of the boolean ``switches`` (fields of :class:`EventRule`) on or
    off, fewest switches first (round 20's grid: the shipped setting and its new switches)."""
    out = []
    for n in range(len(switches) + 1):
        for on in itertools.combinations(switches, n):
            out.append(dataclasses.replace(base, **{k: k in on for k in switches}))
    return out


def choose(data_dir: str | Path, model_dir: str | Path | None = None, *, grid: Sequence[EventRule] = GRID,
           baseline: EventRule | None = None) -> dict[str, Any]:
    """Scan ``grid`` (default :data:`GRID`) on V and apply the card's rule; returns every figure it
    used. With ``baseline`` (a setting of the grid, the shipped one), the best setting is judged
    against it (at least :data:`MIN_GAIN_PAIRS` more right on V, at most :data:`GENERAL_GUARD` general
    accuracy lost; ties on V go to the earlier setting of ``grid``), else against the model alone."""
    model, rows, sents, ctx = _scored_rows(
        data_dir, model_dir, {"guideline": [Example(t, x, y, "guideline") for t, x, y in GUIDELINE_EXAMPLES]})

    def figures(rule: EventRule | None) -> dict[str, Any]:
        adj = {k: adjusted(sents[k], ctx[k], rule) for k in rows}
        f = _right_counts(rows, adj)
        f["changed_V"] = sum(a.label != b.label for k in V_KEYS if k in rows
                             for a, b in zip(sents[k], adj[k], strict=True))
        return f

    alone = figures(None)
    scanned = [(rule, figures(rule)) for rule in grid]
    if baseline is None:
        base = alone
        # most right on V; ties: fewer overrides (higher min_confidence, lower keep_margin, actors off)
        best_rule, best = max(scanned, key=lambda t: (t[1]["V"], t[0].min_confidence, -t[0].keep_margin,
                                                       not t[0].actors_neutral, not t[0].growth,
                                                       not t[0].bodies_neutral, not t[0].moves, not t[0].cues,
                                                       not t[0].bystanders, not t[0].averted))
    else:
        base = dict(scanned).get(baseline) or figures(baseline)
        top = max(f["V"] for _, f in scanned)
        best_rule, best = next((r, f) for r, f in scanned if f["V"] == top)
    n_general = len(rows["general"])
    lost = (base["general"] - best["general"]) / max(n_general, 1)
    on = best["V"] - base["V"] >= MIN_GAIN_PAIRS and lost <= GENERAL_GUARD
    return {
        "model_version": model.version,
        "rows": {k: len(v) for k, v in rows.items()},
        "model_only": alone,
        "baseline": None if baseline is None else {"rule": baseline.tag, **base},
        "grid": [{"rule": r.tag, **f} for r, f in scanned],
        "chosen": {"rule": best_rule.tag, **dataclasses.asdict(best_rule), **best},
        "switch_on": on,
    }


#: round 24's candidates (MODEL_CARD.md): the shipped layer, the layer keeping the model's label when it is
#: this confident of the other way, and the model alone (None); ties go to the earlier one
SAMPLE_MARGINS = (0.9, 0.7, 0.5, 0.3)


def sample_candidates(shipped: EventRule = SHIPPED_RULE) -> list[tuple[str, EventRule | None]]:
    """``S``, ``K0.9`` ... ``K0.3`` and ``M`` in the card's tie order."""
    return ([("S", shipped)]
            + [(f"K{m:g}", dataclasses.replace(shipped, keep_margin=m)) for m in SAMPLE_MARGINS]
            + [("M", None)])


def judge_sample(sample: str | Path, data_dir: str | Path, model_dir: str | Path | None = None) -> dict[str, Any]:
    """Round 24's rule: each candidate of :func:`sample_candidates` on the pairs of ``sample`` (a file
    sampled like the sealed sets), with ``V`` and the general validation rows printed beside it; the
    candidate with the most right on ``sample`` replaces the shipped layer only with at least
    :data:`MIN_GAIN_PAIRS` more right and at most :data:`GENERAL_GUARD` general accuracy lost."""
    pairs = load_domain(Path(sample), "validation_beat")
    if not pairs:
        raise SystemExit(f"{sample}: no pairs (a JSON-lines file of id, text, entity, mention, label)")
    model, rows, sents, ctx = _scored_rows(data_dir, model_dir, {"sample": pairs})
    table = [{"candidate": name, "rule": rule.tag if rule else "model alone",
              **_right_counts(rows, {k: adjusted(sents[k], ctx[k], rule) for k in rows})}
             for name, rule in sample_candidates()]
    best, chosen = sample_choice(table, len(rows["general"]))
    return {"model_version": model.version, "rows": {k: len(v) for k, v in rows.items()}, "table": table,
            "chosen": chosen, "best": best}


def sample_choice(table: Sequence[dict[str, Any]], n_general: int) -> tuple[str, str]:
    """(the candidate most right on the sample, the one chosen): ``table`` in the card's tie order,
    the shipped layer first, each row with ``candidate``, ``sample`` and ``general`` (pairs right)."""
    shipped = table[0]
    best = max(table, key=lambda f: f["sample"])  # max keeps the first of equals: the card's tie order
    lost = (shipped["general"] - best["general"]) / max(n_general, 1)
    replace = best["sample"] - shipped["sample"] >= MIN_GAIN_PAIRS and lost <= GENERAL_GUARD
    return best["candidate"], best["candidate"] if replace else shipped["candidate"]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--model", default=None, help="artefact folder (default: the bundled one)")
    ap.add_argument("--data", default="../shared/data/sentiment", help="folder of the sentiment data sets")
    ap.add_argument("--switches", default=None,
                    help="scan the shipped setting with each combination of these switches, comma-separated "
                         "(round 20: mixed,results,setbacks; round 21: stalled,supported,tied; round 22: peers,lost; round 23: licences,favoured,faltering,outlook,venues,lifted,beats), judged against the shipped setting without them")
    ap.add_argument("--sample", default=None,
                    help="round 24: judge the shipped layer, lower keep_margins and the model alone on this file of "
                         "pairs sampled like the sealed sets (V printed beside it, not used to choose)")
    args = ap.parse_args(argv)
    if args.sample and args.switches:
        ap.error("--sample and --switches are two different judgements: give one")
    if args.sample:
        j = judge_sample(args.sample, args.data, args.model)
        print(f"{j['model_version']}: rows {j['rows']}")
        keys = ["candidate", "rule", "sample", "V", "V_domain", "V_beat", "general"]
        print("  ".join(f"{k:>12}" for k in keys))
        for f in j["table"]:
            print("  ".join(f"{str(f.get(k, '')):>12}" for k in keys))
        print(f"most right on the sample: {j['best']}; chosen: {j['chosen']} (a candidate replaces S with >= "
              f"{MIN_GAIN_PAIRS} more right on the sample and <= {GENERAL_GUARD} general validation accuracy lost)")
        return
    if args.switches:
        names = [n.strip() for n in args.switches.split(",") if n.strip()]
        unknown = [n for n in names if n not in {f.name for f in dataclasses.fields(EventRule)}]
        if unknown:
            ap.error(f"unknown switch(es) {', '.join(unknown)}: the fields of policy.EventRule")
        # the shipped setting without the switches is the baseline (round 20: `ev0.9k2nmbvr`)
        base = dataclasses.replace(SHIPPED_RULE, **{k: False for k in names})
        r = choose(args.data, args.model, grid=around(base, names), baseline=base)
    else:
        r = choose(args.data, args.model)
    print(f"{r['model_version']}: rows {r['rows']}")
    print(f"model alone: {r['model_only']}")
    if r["baseline"]:
        print(f"baseline (the shipped setting without the switches): {r['baseline']}")
    for g in r["grid"]:
        print(f"  {g['rule']:>12}: " + ", ".join(f"{k} {v}" for k, v in g.items() if k != "rule"))
    print(f"chosen: {json.dumps(r['chosen'])}")
    print(f"switch on by default: {r['switch_on']} (needs >= {MIN_GAIN_PAIRS} more right on V and "
          f"<= {GENERAL_GUARD} general validation accuracy lost)")


if __name__ == "__main__":
    main()
