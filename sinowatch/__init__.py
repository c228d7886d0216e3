"""sinowatch: news monitoring for China's AI industry.

Data flow: feeds -> articles -> extraction -> warehouse -> trends, reports, alerts.
"""

from __future__ import annotations

import os
import sys
from typing import Any

__version__ = "0.1.0"


class _NoTorchForThinc:
    """Keeps spaCy's ``thinc.compat`` from importing torch (about 2 s of every CLI start that builds an
    extractor): sinowatch's spaCy pipelines use no torch layer, and the models run on ONNX Runtime.
    Only an import of torch made by ``thinc.compat`` itself, while torch is not loaded yet, is refused
    (thinc then records ``has_torch = False``); training code that imports torch gets it as usual.
    ``SINOWATCH_THINC_TORCH=1`` switches this off."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> None:
        if name == "torch" and "torch" not in sys.modules:
            frame = sys._getframe(1)
            while frame is not None:
                if frame.f_globals.get("__name__") == "thinc.compat":
                    raise ImportError("torch is not loaded for thinc (sinowatch: SINOWATCH_THINC_TORCH=1 to allow)")
                frame = frame.f_back  # type: ignore[assignment]
        return None


if os.environ.get("SINOWATCH_THINC_TORCH") != "1" and _NoTorchForThinc not in sys.meta_path:
    sys.meta_path.insert(0, _NoTorchForThinc)  # type: ignore[arg-type]
