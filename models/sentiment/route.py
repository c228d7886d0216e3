"""Build a language-routed sentiment artefact from two trained artefact folders (issue #19, round 15).

    python -m sinowatch.models.sentiment.route --base models/sentiment/artifact --zh <e5 folder> --out DIR

The result is ``base``'s files plus ``zh/`` (the second model's files) and ``"routes": {"zh": "zh"}`` in its
``config.json``: :class:`~sinowatch.models.sentiment.runtime.SentimentModel` then scores pairs whose context is
Chinese with ``zh/`` and every other pair with the base model. No training; both folders are read as they are.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sinowatch.errors import ModelError

FILES = ("model.int8.onnx", "tokenizer.json", "config.json")


def build_route(base: Path, zh: Path, out: Path) -> dict[str, Any]:
    """Write the routed artefact to ``out`` (replacing what was there) and return its config."""
    for d in (base, zh):
        missing = [f for f in FILES if not (d / f).is_file()]
        if missing:
            raise ModelError(f"{d} is not a sentiment artefact (missing {', '.join(missing)})")
    if json.loads((zh / "config.json").read_text()).get("routes"):
        raise ModelError(f"{zh} is itself routed: give the plain Chinese model's folder")
    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for f in base.iterdir():
        if f.is_file():
            shutil.copy2(f, staging / f.name)
    (staging / "zh").mkdir()
    for f in zh.iterdir():
        if f.is_file():
            shutil.copy2(f, staging / "zh" / f.name)
    config = json.loads((staging / "config.json").read_text())
    config["routes"] = {"zh": "zh"}
    (staging / "config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return config


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="artefact folder for every non-Chinese pair")
    ap.add_argument("--zh", type=Path, required=True, help="artefact folder for pairs whose context is Chinese")
    ap.add_argument("--out", type=Path, required=True, help="the routed artefact's folder (replaced)")
    args = ap.parse_args(argv)
    from sinowatch.models.sentiment.runtime import SentimentModel

    build_route(args.base, args.zh, args.out)
    print(f"{SentimentModel.load(args.out).version} written to {args.out}")


if __name__ == "__main__":
    main()
