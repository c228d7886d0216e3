"""The import graph between sinowatch's layers, and a check that no import points upward.

    .venv/bin/python -m tests.layers            # prints the graph; exits 1 on an upward arrow

Each module belongs to one unit (a folder, or a group of core modules) and each unit to a layer,
bottom to top (STYLE.md "Layers"): records/config/errors -> warehouse API, extractors, model
runtimes -> stages -> the one orchestration -> engines -> tools -> CLI. A unit may import its own
modules and those of LOWER layers only: an import of a unit in the same layer (two stages, say) or
a higher one is reported. Every import counts, also those inside functions and under
``TYPE_CHECKING``: deferring an import changes when it runs, not which way it points. Only
``warehouse/`` may import duckdb.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: the repository folders and the import name each installs as (pyproject's package-dir)
PACKAGES = {"sinowatch": "sinowatch", "flows": "sinowatch.flows", "extractors": "sinowatch.extractors",
            "models": "sinowatch.models", "warehouse": "sinowatch.warehouse"}

#: (layer, unit, module prefixes), bottom to top; a module belongs to the unit of its longest prefix
UNITS: list[tuple[int, str, tuple[str, ...]]] = [
    (0, "core: records, config, errors", ("sinowatch", "sinowatch.records", "sinowatch.config", "sinowatch.errors",
                                          "sinowatch.faults", "sinowatch.text")),
    (1, "warehouse/", ("sinowatch.warehouse",)),
    (1, "extractors/", ("sinowatch.extractors",)),
    (1, "models/ (runtimes, data)", ("sinowatch.models",)),
    (1, "actions: fold logic", ("sinowatch.actions",)),
    (2, "stage: ingest (news and official records)", ("sinowatch.ingest", "sinowatch.official")),
    (2, "stage: extract + sentiment + actions fold", ("sinowatch.extract_stage", "sinowatch.scoring",
                                                       "sinowatch.actions.stage")),
    (2, "stage: alerts", ("sinowatch.alerts",)),
    (2, "stage: report", ("sinowatch.report",)),
    (3, "orchestration: pipeline", ("sinowatch.pipeline",)),
    (4, "engine: flows/ (Prefect)", ("sinowatch.flows",)),
    (5, "models/ training", ("sinowatch.models.sentiment.train", "sinowatch.models.sentiment.evaluate",
                            "sinowatch.models.sentiment.export", "sinowatch.models.sentiment.head",
                            "sinowatch.models.sentiment.dequant", "sinowatch.models.sentiment.valscore", "sinowatch.models.sentiment.e5convert", "sinowatch.models.sentiment.eval_events", "sinowatch.models.sentiment.agreement",
                            "sinowatch.models.events.train", "sinowatch.models.events.evaluate",
                            "sinowatch.models.events.export", "sinowatch.models.events.ensemble",
                            "sinowatch.models.onnx_export")),
    (5, "extractors/ evaluation", ("sinowatch.extractors.evaluate", "sinowatch.extractors.evaluate_articles")),
    (5, "actions evaluation", ("sinowatch.actions.evaluate",)),
    (5, "demo", ("sinowatch.demo", "sinowatch.demo_setup")),
    (5, "smoke check", ("sinowatch.smoke",)),
    (6, "CLI", ("sinowatch.cli",)),
]
LAYER_NAMES = {0: "records/config/errors", 1: "warehouse API, extractors, models", 2: "stages",
               3: "orchestration", 4: "engines", 5: "tools (training, evaluation, demo)", 6: "CLI"}


def unit_of(module: str) -> tuple[int, str] | None:
    best: tuple[int, int, str] | None = None
    for layer, name, prefixes in UNITS:
        for p in prefixes:
            # "sinowatch" is the package's __init__ only: a new core-level module must be placed
            if module == p or (p != "sinowatch" and module.startswith(p + ".")) or (
                    p == "sinowatch.cli" and module.startswith("sinowatch.cli_")):
                if best is None or len(p) > best[0]:
                    best = (len(p), layer, name)
    return (best[1], best[2]) if best else None


def modules() -> dict[str, Path]:
    """Import name -> file, for every module of the installed packages."""
    out: dict[str, Path] = {}
    for folder, name in PACKAGES.items():
        for path in sorted((REPO / folder).rglob("*.py")):
            rel = path.relative_to(REPO / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([name, *parts])] = path
    return out


def imports(module: str, path: Path) -> list[tuple[str, int]]:
    """The sinowatch modules this file imports (absolute, or relative resolved), with line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            # `from pkg import mod` imports pkg.mod when that is a module
            found += [(f"{base}.{a.name}", node.lineno) for a in node.names] + [(base, node.lineno)]
    return [(m, n) for m, n in found if m.split(".")[0] in ("sinowatch", "duckdb")]


def graph() -> tuple[dict[tuple[str, str], int], list[str]]:
    """Edges between units (with how many imports) and the upward imports, as readable lines."""
    mods = modules()
    layer_of = {name: layer for layer, name, _ in UNITS}
    edges: dict[tuple[str, str], int] = defaultdict(int)
    upward: list[str] = []
    for module, path in mods.items():
        src = unit_of(module)
        if src is None:
            upward.append(f"{path.relative_to(REPO)}: module {module} belongs to no unit (add it to UNITS)")
            continue
        seen: set[str] = set()
        for target, line in imports(module, path):
            if target.split(".")[0] == "duckdb" and not module.startswith("sinowatch.warehouse"):
                upward.append(f"{path.relative_to(REPO)}:{line}: {module} imports duckdb (only warehouse/ may)")
                continue
            if target not in mods:  # `from pkg import name` where name is not a module
                continue
            dst = unit_of(target)
            if dst is None or dst[1] == src[1] or target in seen:
                continue
            seen.add(target)
            edges[(src[1], dst[1])] += 1
            if layer_of[dst[1]] >= layer_of[src[1]]:
                upward.append(f"{path.relative_to(REPO)}:{line}: {module} ({src[1]}, layer {src[0]}) imports "
                              f"{target} ({dst[1]}, layer {dst[0]})")
    return dict(edges), upward


def main() -> int:
    edges, upward = graph()
    layer_of = {name: layer for layer, name, _ in UNITS}
    print("layers, bottom to top; each unit with the units it imports (number of modules imported):")
    for layer in sorted(LAYER_NAMES):
        print(f"\n{layer} {LAYER_NAMES[layer]}")
        for lay, name, _ in UNITS:
            if lay != layer:
                continue
            outs = sorted(((d, n) for (s, d), n in edges.items() if s == name), key=lambda x: (-layer_of[x[0]], x[0]))
            arrows = ", ".join(f"{d} ({n})" + (" UPWARD" if layer_of[d] >= lay else "") for d, n in outs)
            print(f"    {name} -> {arrows or '(nothing)'}")
    if upward:
        print(f"\n{len(upward)} import(s) against the layers:")
        print("\n".join(f"    {u}" for u in upward))
        return 1
    print("\nno upward or sideways import between units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
