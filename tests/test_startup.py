"""Start-up cost of the CLI's extraction path: spaCy's thinc does not import torch (about 2 s of every
`sinowatch run` / `extract` start), and torch stays importable for training (sinowatch/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = ("import sys\n"
        "import sinowatch.extractors.pipeline\n"
        "import thinc.compat\n"
        "print('torch' in sys.modules, thinc.compat.has_torch)\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n")


def _run(**env: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", CODE], env={**os.environ, **env}, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split("\n")


def test_spacy_is_loaded_without_torch_and_torch_still_imports() -> None:
    first, second = _run(SINOWATCH_THINC_TORCH="0")[:2]
    assert first == "False False"  # torch not loaded by spaCy's thinc
    assert second == "3"  # and importable afterwards, as training needs it


def test_the_switch_lets_thinc_load_torch() -> None:
    assert _run(SINOWATCH_THINC_TORCH="1")[0] == "True True"
