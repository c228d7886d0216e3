"""The Docker image's smoke check (`python -m sinowatch.smoke`, run by docker/Dockerfile at build
time) runs here too, as a subprocess of the installed package; plus the image's build context."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_image_smoke_script_passes_here() -> None:
    res = subprocess.run([sys.executable, "-m", "sinowatch.smoke"], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert res.returncode == 0, res.stdout + res.stderr
    assert "SMIC found in both" in res.stdout and res.stdout.strip().endswith("smoke ok")


def test_dockerfile_runs_the_same_smoke_script_and_installs_a_cjk_font() -> None:
    text = (REPO / "docker" / "Dockerfile").read_text()
    assert "python -m sinowatch.smoke --fonts" in text
    assert "en_core_web_sm" not in text  # the code loads it only with use_ner; the smoke script decides
    assert re.search(r"apt-get install[^\n]*\\?\n?[^\n]*fonts-noto-cjk", text) or "fonts-noto-cjk" in text


def test_dockerignore_keeps_local_state_out_of_the_build_context() -> None:
    ignored = {line.strip().rstrip("/") for line in (REPO / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".venv", ".state", ".git", "test-artifacts", "**/__pycache__"} <= ignored
    # and nothing the Dockerfile copies is ignored
    copied = re.findall(r"^COPY (\S+)", (REPO / "docker" / "Dockerfile").read_text(), flags=re.M)
    assert copied and not set(copied) & ignored
