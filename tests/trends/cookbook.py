"""docs/cookbook.md from the cookbook queries (warehouse/queries/cookbook_*.sql), with sample output.

    python -m tests.trends.cookbook .state/demo/sinowatch.duckdb          # regenerate the doc
    python -m tests.trends.cookbook --synthetic                           # from the test warehouse

The test (test_cookbook.py) parses the SQL back out of the markdown and runs it, so the doc's
queries are always the files' queries and always run.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
QUERIES = REPO / "warehouse" / "queries"
DOC = REPO / "docs" / "cookbook.md"
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)
MAX_ROWS = 8
MAX_CELL = 70

INTRO = """# SQL cookbook

Ten questions analysts ask of the warehouse, with the query that answers each and a sample of its
output on {source}. The queries use the trend views (see [views.md](views.md)) and run as they
are in DuckDB, in `sinowatch sql`, or from any tool that reads the warehouse file (open it
read-only while the daily run may write). Each is also a file, `warehouse/queries/<name>.sql`:

    sinowatch sql "$(cat warehouse/queries/cookbook_02_mentioned_more_this_week.sql)"

"Today" in these queries is the last day with articles (`SELECT max(day) FROM calendar`), so they
give the same answer on a frozen copy of the warehouse; use `current_date` instead for live
monitoring. The tests parse every SQL block out of this file and run it (tests/trends/test_cookbook.py).
Regenerate the samples with `python -m tests.trends.cookbook .state/demo/sinowatch.duckdb`.
"""


def cookbook_files() -> list[Path]:
    return sorted(QUERIES.glob("cookbook_*.sql"))


def question_of(sql: str) -> str:
    """The question: the first comment line."""
    first = sql.splitlines()[0] if sql else ""
    if not first.startswith("--"):
        raise ValueError(f"a cookbook query starts with its question as a comment: {first!r}")
    return first[2:].strip()


def sql_blocks(markdown: str) -> list[str]:
    return [m.group(1) for m in SQL_BLOCK.finditer(markdown)]


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        s = f"{v:.2f}"
    elif isinstance(v, datetime | date):
        s = v.isoformat()[:10]
    elif isinstance(v, list | tuple):
        s = ", ".join(_cell(x) for x in v)
    else:
        s = str(v)
    s = " ".join(s.split())
    if len(s) > MAX_CELL:
        s = s[: MAX_CELL - 1] + "…"
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown_table(cols: list[str], rows: list[tuple[Any, ...]]) -> str:
    if not rows:
        return "_(no rows on this data)_\n"
    out = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    out += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        out.append(f"\n({len(rows)} rows; the first {MAX_ROWS} shown)")
    return "\n".join(out) + "\n"


def render(db: Path, source: str) -> str:
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    parts = [INTRO.format(source=source)]
    try:
        for i, path in enumerate(cookbook_files(), start=1):
            sql = path.read_text(encoding="utf-8")
            cur = conn.execute(sql)
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            parts.append(f"## {i}. {question_of(sql)}\n\n`warehouse/queries/{path.name}`\n\n```sql\n{sql}```\n\n"
                         f"Sample output:\n\n{markdown_table(cols, rows)}")
    finally:
        conn.close()
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="?", type=Path, help="warehouse to sample (e.g. .state/demo/sinowatch.duckdb)")
    ap.add_argument("--synthetic", action="store_true", help="sample the synthetic test warehouse instead")
    ap.add_argument("--out", type=Path, default=DOC)
    args = ap.parse_args(argv)
    today = datetime.now(UTC).date().isoformat()
    if args.synthetic or args.db is None:
        from tests.trends.synthetic import build_warehouse

        with tempfile.TemporaryDirectory() as tmp:
            db = build_warehouse(Path(tmp) / "sinowatch.duckdb")
            text = render(db, "the synthetic test warehouse (tests/trends/synthetic.py), "
                              f"generated {today}; regenerate on the demo as below")
    else:
        text = render(args.db, f"the demo warehouse (`make demo`, 120 days), generated {today}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
