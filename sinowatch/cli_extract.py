"""CLI commands of the extraction stage: `extract`, `eval`, `candidates`, `reextract`.

Registered by `sinowatch.cli` with ``cli_extract.register(app)``. A thin layer over
``sinowatch.extractors`` and ``sinowatch.extract_stage``; spaCy is imported only inside the
commands, so ``sinowatch --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import typer

from sinowatch.cli_common import FORMAT_OPTION, check_format, emit, reader, state, writer
from sinowatch.records import Document

#: longest title and text taken from one input line (the same bounds as ingest's); longer ones are
#: cut and the cut is reported
MAX_TITLE_CHARS = 1_000
MAX_TEXT_CHARS = 100_000


def _no_surrogates(key: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"'{key}' holds a lone surrogate ({value[e.start]!r} at character {e.start})") from None


def parse_line(line: str | bytes) -> Document:
    """One input line -> Document; ValueError with the reason when the line is not usable
    (not UTF-8, not JSON, nested too deeply, a lone surrogate, missing fields)."""
    return _parse(line)[0]


def _parse(line: str | bytes) -> tuple[Document, bool]:
    """(the Document, whether its title or text was cut to the bounds)."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ValueError(f"not UTF-8 (byte 0x{line[e.start]:02x} at byte {e.start + 1})") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    doc_id = obj.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id) == "":
        raise ValueError("'id' is missing or not a string")
    for key in ("title", "text", "lang", "published", "url"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ValueError(f"'{key}' must be a string")
    for key in ("id", "title", "text", "lang", "published", "url"):
        if isinstance(obj.get(key), str):
            _no_surrogates(key, obj[key])
    if not obj.get("text") and not obj.get("title"):
        raise ValueError("needs 'text' (or at least 'title')")
    title, text = obj.get("title") or "", obj.get("text") or ""
    cut = len(title) > MAX_TITLE_CHARS or len(text) > MAX_TEXT_CHARS
    return Document(id=str(doc_id), title=title[:MAX_TITLE_CHARS], text=text[:MAX_TEXT_CHARS], lang=obj.get("lang"),
                    published=obj.get("published"), url=obj.get("url")), cut


def read_documents(stream: Iterable[str] | Iterable[bytes], bad: list[int]) -> Iterator[Document]:
    """Documents of a JSON-lines stream (text, or bytes decoded line by line so that one line of
    bad UTF-8 costs only itself); a bad line goes to stderr with its number and is skipped."""
    lines: Iterable[str | bytes] = stream
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc, cut = _parse(line)
        except ValueError as e:
            bad.append(no)
            typer.echo(f"sinowatch extract: line {no}: {e}; skipped", err=True)
            continue
        if cut:
            typer.echo(f"sinowatch extract: line {no}: text cut to {MAX_TEXT_CHARS:,} characters "
                       f"(title to {MAX_TITLE_CHARS:,})", err=True)
        yield doc


def extract_each(extractor: Any, docs: Iterable[Document], *, batch_size: int,
                 failed: list[str], scorer: Any = None) -> Iterator[Any]:
    """Extractions in input order, a batch at a time, their sentiment fields filled by ``scorer``
    (None: left null); when a batch fails, its documents are tried one by one, and one that still
    fails is reported by id and skipped (never the whole input)."""
    def run(batch: list[Document], size: int) -> list[Any]:
        extractions = list(extractor.extract(batch, batch_size=size))
        return list(scorer(batch, extractions)) if scorer is not None else extractions

    it = iter(docs)
    while True:
        chunk = list(islice(it, max(1, batch_size)))
        if not chunk:
            return
        try:
            yield from run(chunk, batch_size)
            continue
        except Exception:  # isolate the bad document below
            pass
        for doc in chunk:
            try:
                yield from run([doc], 1)
            except Exception as e:
                failed.append(doc.id)
                typer.echo(f"sinowatch extract: document {doc.id!r}: cannot extract "
                           f"({type(e).__name__}: {' '.join(str(e).split())[:200]}); skipped", err=True)


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``eval``, ``candidates`` and ``reextract`` to ``app``."""

    @app.command("extract")
    def extract_cmd(
        ctx: typer.Context,
        file: str = typer.Argument(..., help="JSON lines with id, title, text and optional published, url, lang; '-' = stdin"),
        batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per nlp.pipe batch"),
        sentiment: bool = typer.Option(True, "--sentiment/--no-sentiment",
                                       help="Fill the sentiment fields when the model is installed (and "
                                            "[sentiment] enabled); --no-sentiment leaves them null"),
    ) -> None:
        """Tag watchlist mentions and typed events (with status, actor and targets) in JSON-lines
        articles, with sentiment when the model is installed; one JSON line out per input, in input
        order. Bad lines are reported on stderr (exit status 1) and skipped."""
        from sinowatch.extractors.pipeline import Extractor, to_json
        from sinowatch.scoring import load_event_model

        cfg = state(ctx).config
        extractor = Extractor.load(cfg.extraction, base_dir=cfg.base_dir, event_model=load_event_model(cfg))
        scorer = _scorer(cfg, required=False) if sentiment else None
        bad: list[int] = []
        failed: list[str] = []
        stream: IO[bytes]
        if file == "-":
            stream = sys.stdin.buffer
        else:
            try:
                stream = open(file, "rb")  # bytes: each line is decoded on its own
            except OSError as e:
                raise typer.BadParameter(f"cannot read {file}: {e.strerror}", param_hint="FILE") from None
        try:
            out = sys.stdout
            for ex in extract_each(extractor, read_documents(stream, bad), batch_size=batch_size, failed=failed,
                                   scorer=scorer):
                out.write(json.dumps(to_json(ex), ensure_ascii=False) + "\n")
            out.flush()
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        if bad or failed:
            raise typer.Exit(1)

    @app.command("eval")
    def eval_cmd(
        ctx: typer.Context,
        data: Path = typer.Option(Path("tests/data/extraction_dev.jsonl"), "--data", help="Labelled dev set (JSON lines)"),
        batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per nlp.pipe batch"),
        errors: bool = typer.Option(True, "--errors/--no-errors", help="List the tuning half's errors"),
        speed: bool = typer.Option(True, "--speed/--no-speed", help="Also time custom components vs plain nlp.pipe"),
        articles: Path = typer.Option(None, "--articles", help="Score full-length articles instead (e.g. "
                                      "tests/data/events/articles.jsonl): event types, status, actor, targets"),
        split: str = typer.Option("dev", "--split", help="With --articles: dev (look, tune), val, val2, val3, val4 and val5 (development since round 29: errors listed), val6, val7, val8, val9, val10, val11, val12, val13, val14, val15, val16, val17, val18, val19, val20, val21, val22, val23, val24, val25, val26, val27, val28, val29 and val30 (choose configurations, no errors listed), test (never tuned on), holdout, holdout2, holdout3, holdout4, holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, holdout11, holdout12, holdout13, holdout14, holdout15, holdout16, holdout17, holdout18, holdout19, holdout20, holdout21, holdout22, holdout23, holdout24, holdout25, holdout26, holdout27, holdout28, holdout29, holdout30, holdout31, holdout32, holdout33, holdout34, holdout35, holdout36, holdout37, holdout38, holdout39, holdout40, holdout41, holdout42, holdout43, holdout44, holdout45, holdout46, holdout47 (spent: errors listed; a new round writes a new sealed holdout); or pooled: validation (val6..val30, the figures that judge an extractor change), spent (the spent holdouts) or a comma-separated list"),
        error_detail: bool = typer.Option(False, "--error-detail", help="With --articles on dev or a spent holdout: "
                                          "every false, missed or wrong-status event with its sentence and source"),
    ) -> None:
        """Entity precision/recall and event-type F1 on the dev set: tuning half (odd ids), held-out
        half (even ids) and all; per-type F1; the tuning half's errors; throughput. With --articles:
        event-type P/R/F1 per type, status accuracy, actor accuracy on the four policy types and
        target P/R on one split of the article set."""
        from sinowatch.extractors.evaluate import evaluate, load_dev, measure_speed
        from sinowatch.extractors.pipeline import Extractor
        from sinowatch.scoring import load_event_model

        cfg = state(ctx).config
        if articles is not None:
            from sinowatch.errors import ExtractionError
            from sinowatch.extractors.evaluate_articles import load_articles, split_names

            try:
                split_names(split)
            except ExtractionError as e:
                raise typer.BadParameter(str(e).removeprefix("--split "), param_hint="--split") from None
            rows_a = load_articles(articles)  # checks the file before the models load
            _eval_articles(Extractor.load(cfg.extraction, base_dir=cfg.base_dir, event_model=load_event_model(cfg)), rows_a, articles, split,
                           errors=errors, detail=error_detail)
            return
        extractor = Extractor.load(cfg.extraction, base_dir=cfg.base_dir, event_model=load_event_model(cfg))
        rows = load_dev(data)
        res = evaluate(extractor, rows, batch_size=batch_size)
        typer.echo(f"extractor {extractor.version}, watchlist {extractor.watchlist_version}, dev set {data}")
        emit(["split", "items", "entity P", "entity R", "entity F1", "event P", "event R", "event F1"],
             [[name, s.n, s.entities.precision, s.entities.recall, s.entities.f1, s.events.precision,
               s.events.recall, s.events.f1] for name, s in res.splits.items()],
             title="extraction quality (floors: entity P, R 0.95; event F1 0.85)")
        emit(["event type", "tuning F1", "held-out F1", "all F1", "all support"],
             [[t, res.splits["tuning"].per_type[t].f1, res.splits["held-out"].per_type[t].f1,
               res.splits["all"].per_type[t].f1, res.splits["all"].per_type[t].tp + res.splits["all"].per_type[t].fn]
              for t in res.splits["all"].per_type],
             title="event F1 per type")
        if errors:
            emit(["id", "title", "entities missed", "entities wrong", "events missed", "events wrong"],
                 [[e["id"], e["title"], e["entities_missed"], e["entities_wrong"], e["events_missed"],
                   e["events_wrong"]] for e in res.errors],
                 title=f"tuning-half errors ({len(res.errors)}; held-out errors are not shown)")
        if speed:
            docs = [Document(id=r["id"], title=r.get("title", ""), text=r.get("text", ""), lang=r.get("lang"))
                    for r in rows]
            _print_speed(measure_speed(extractor, docs, batch_size=batch_size), f"dev set ({len(docs)} items)")

    @app.command("candidates")
    def candidates_cmd(
        ctx: typer.Context,
        limit: int = typer.Option(50, "--limit", min=1, help="Most candidates shown"),
        min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only names seen in at least this many articles"),
        fmt: str = FORMAT_OPTION,
    ) -> None:
        """Organisations the NER found in China/AI/chip context that the watchlist does not know
        (needs [extraction] use_ner = true), with article counts and examples."""
        from sinowatch.warehouse.extraction import top_candidates

        check_format(fmt)
        if not state(ctx).config.extraction.use_ner:
            typer.echo("NER is off ([extraction] use_ner = false), so no new candidates are collected: set "
                       "use_ner = true and run `sinowatch reextract` to find organisations the watchlist lacks",
                       err=True)
        with reader(ctx) as conn:
            rows = top_candidates(conn, limit=limit, min_articles=min_articles)
        emit(["name", "articles", "first seen", "last seen", "examples"], rows, fmt=fmt, title="watchlist candidates")

    @app.command("reextract")
    def reextract_cmd(
        ctx: typer.Context,
        sentiment_only: bool = typer.Option(False, "--sentiment-only", help="Only re-score sentiment of stored "
                                            "extractions (needs the sentiment model); no re-matching"),
    ) -> None:
        """Re-extract stored articles whose rows are stamped with another extractor or watchlist
        version (and extract never-extracted ones); rows are replaced, never duplicated."""
        from sinowatch.extract_stage import extract_pending, get_extractor

        cfg = state(ctx).config
        extractor = get_extractor(cfg)
        scorer = _scorer(cfg, required=sentiment_only)
        with writer(ctx) as conn:
            stats = extract_pending(cfg, conn, extractor=extractor, scorer=scorer, reextract=True,
                                    sentiment_only=sentiment_only)
        typer.echo(f"re-extracted {stats.articles} article(s): {stats.mentions} mentions, {stats.events} events "
                   f"(extractor {extractor.version}, watchlist {extractor.watchlist_version})")
        for err in stats.errors:
            typer.echo(f"failed: {err}", err=True)


def _scorer(cfg: Any, *, required: bool) -> Any:
    """The sentiment scorer (``sinowatch.scoring.make_scorer``), or None when sentiment is off. A
    missing model is an error only when it is required (--sentiment-only); otherwise re-extraction
    goes on without sentiment and says so."""
    from sinowatch.scoring import make_scorer

    if required:
        return make_scorer(cfg)
    errors: list[str] = []
    scorer = make_scorer(cfg, errors)
    for e in errors:
        typer.echo(e, err=True)
    return scorer


def _eval_articles(extractor: Any, rows: list[dict[str, Any]], path: Path, split: str, *, errors: bool,
                   detail: bool = False) -> None:
    from sinowatch.extractors.evaluate_articles import POLICY_TYPES, REPORT_ONLY, evaluate_split, split_names

    res, errs = evaluate_split(extractor, rows, split)
    names = split_names(split)
    typer.echo(f"extractor {extractor.version}, watchlist {extractor.watchlist_version}, articles {path}, "
               f"split {split} ({res.n} articles{', pooled: ' + ', '.join(names) if len(names) > 1 else ''})")
    if any(n in REPORT_ONLY for n in names):
        typer.echo(f"{split} split: report these figures; never tune anything on them")
    emit(["event type", "P", "R", "F1", "support"],
         [[t, c.precision, c.recall, c.f1, c.tp + c.fn] for t, c in res.per_type.items()]
         + [["all (micro)", res.events.precision, res.events.recall, res.events.f1, res.events.tp + res.events.fn]],
         title="article-level event types (floors: F1 0.90; export_control, entity_list R 0.95 at P 0.95)")
    tj = sum(res.targets_jaccard) / len(res.targets_jaccard) if res.targets_jaccard else None
    emit(["figure", "value", "events scored"],
         [["entity precision (governments left out)", res.entities.precision, res.entities.tp + res.entities.fp],
          ["entity recall", res.entities.recall, res.entities.tp + res.entities.fn],
          ["gold events located by a same-type event", res.located.value, res.located.n],
          ["status accuracy (located events)", res.status.value, res.status.n],
          ["actor accuracy (located, 4 policy types)", res.actor.value, res.actor.n],
          ["target precision (located)", res.targets.precision, res.targets.tp + res.targets.fp],
          ["target recall (located)", res.targets.recall, res.targets.tp + res.targets.fn],
          ["targets mean Jaccard (located)", tj, len(res.targets_jaccard)]]
         + [[f"new {t} events located", res.new_recall[t].value, res.new_recall[t].n] for t in POLICY_TYPES],
         title="entities; status, actor, targets (floors: status 0.85, actor 0.90)")
    emit(["gold status", "predicted", "events"],
         [[g, p, n] for (g, p), n in sorted(res.status_confusion.items())], title="status confusion")
    emit(["gold type (of the sentence)", "predicted", "articles"],
         [[g, p, n] for (g, p), n in sorted(res.type_confusion.items())],
         title="type confusion (articles: a false type and the gold type its sentence states, or none; missed types)")
    if errors and errs:
        emit(["id", "title", "types missed", "types wrong", "status/actor/targets"],
             [[e["id"], e["title"], e["missed"], e["wrong"], e["roles"]] for e in errs],
             title=f"{split}-split errors ({len(errs)})")
        if detail:
            for e in errs:
                for line in e["details"]:
                    typer.echo(f"{e['id']}  {line}")


def _print_speed(res: dict[str, Any], what: str) -> None:
    emit(["pipeline", "articles", "seconds", "articles/s"],
         [["plain nlp.pipe (same pipelines, custom components off)", res["articles"], res["plain_s"], res["plain_per_s"]],
          ["sinowatch extract (matcher + events + records)", res["articles"], res["custom_s"], res["custom_per_s"]]],
         title=f"throughput on {what}, best of {res['repeats']}")
    typer.echo(f"custom components cost {res['overhead_pct']:.1f}% on top of plain nlp.pipe (target: under 30%)")
