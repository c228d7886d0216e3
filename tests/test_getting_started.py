"""docs/getting-started.md's watchlist example is what a user types: its YAML and TOML blocks,
written to a folder, and its `echo ... | sinowatch extract -` lines find the new entity."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "getting-started.md"


def test_guide_watchlist_example_matches(tmp_path) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    yaml_block = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)  # type: ignore[union-attr]
    toml_block = next(b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if "[extraction]" in b)
    (tmp_path / "my-watchlist.yaml").write_text(yaml_block, encoding="utf-8")
    (tmp_path / "sinowatch.toml").write_text(toml_block, encoding="utf-8")
    lines = re.findall(r"echo '(.*?)' \| sinowatch extract -", text)
    assert len(lines) == 2
    env = {k: v for k, v in os.environ.items() if k != "SINOWATCH_CONFIG"}
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "extract", "-"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    out = res.stdout.splitlines()
    assert len(out) == 2 and all('"enflame"' in line for line in out), res.stdout


def test_readme_links_the_guide_and_counts_the_demo_feeds() -> None:
    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/getting-started.md" in readme
    feeds = yaml.safe_load((REPO / "sinowatch" / "demo" / "feeds.yaml").read_text(encoding="utf-8"))
    n = len(feeds if isinstance(feeds, list) else feeds.get("feeds", []))
    words = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen"}
    assert f"renders {words.get(n, str(n))} bundled" in readme, n
