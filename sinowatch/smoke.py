"""`python -m sinowatch.smoke`: does an installed sinowatch work? The Docker image runs it at build
time and tests/test_smoke.py runs the same script here, so the image is checked with exactly what
the test suite checks (no Docker daemon is needed for the test).

It loads what the code really uses - the Prefect flow, the extraction pipelines (blank English and
Chinese tokenizers with the watchlist; the statistical English model only with ``--ner``), the
bundled sentiment model, the warehouse migrations - and runs one English and one Chinese sentence
through them. ``--fonts`` also checks that a CJK font is installed (the image's report renderer and
screenshots need one). Prints one line per check; exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

EN = "The US added SMIC to the Entity List, restricting exports of chipmaking tools."
ZH = "美国商务部将中芯国际列入实体清单。"


def check_flow() -> str:
    from sinowatch.flows.daily import daily

    return f"flow {daily.name} loads"


def check_extraction(use_ner: bool) -> str:
    from sinowatch.config import Config
    from sinowatch.extract_stage import extract_documents
    from sinowatch.records import Document

    cfg = Config()
    cfg.extraction.use_ner = use_ner
    out = extract_documents(cfg, [Document(id="en", title="", text=EN, lang="en"),
                                  Document(id="zh", title="", text=ZH, lang="zh")])
    for ex in out:
        if "smic" not in {e.entity for e in ex.entities}:
            raise RuntimeError(f"extraction found no SMIC in the {ex.id} sentence")
    return f"extraction (en, zh{', NER' if use_ner else ''}): SMIC found in both"


def check_sentiment() -> str:
    from sinowatch.config import Config
    from sinowatch.scoring import load_model

    model = load_model(Config())
    return f"sentiment model {model.version} loads"


def check_warehouse() -> str:
    from sinowatch.warehouse.db import connect

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "smoke.duckdb")
        try:
            n = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        finally:
            conn.close()
    return f"warehouse: {n} migrations apply"


def check_fonts() -> str:
    if not shutil.which("fc-list"):
        raise RuntimeError("fc-list not found (install fontconfig and fonts-noto-cjk)")
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    if not found.strip():
        raise RuntimeError("no CJK font installed (apt-get install fonts-noto-cjk)")
    return f"CJK font: {found.splitlines()[0].split(',')[0]}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m sinowatch.smoke", description=__doc__.split("\n\n")[0])
    p.add_argument("--fonts", action="store_true", help="also require a CJK font (the image has one)")
    p.add_argument("--ner", action="store_true", help="also load the statistical English model (use_ner)")
    args = p.parse_args(argv)
    checks: list[Callable[[], str]] = [check_flow, lambda: check_extraction(args.ner), check_sentiment,
                                       check_warehouse]
    if args.fonts:
        checks.append(check_fonts)
    for check in checks:
        try:
            print(f"ok    {check()}", flush=True)
        except Exception as e:  # report which check failed, in one line
            print(f"FAIL  {type(e).__name__}: {e}", flush=True)
            return 1
    print("smoke ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
