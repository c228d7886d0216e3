"""Memory and output of `sinowatch extract` on text without sentence punctuation (issue #17, item 2).

Before the fix every mention stored the whole text as its "sentence": one 94 KB English article gave
329 MB of output, eight 100,000-character Chinese articles (a 2.4 MB feed) peaked at 5.6 GB. Here
each input runs in a fresh `sinowatch extract` process that reports its own peak RSS (VmHWM):

* baseline: eight Chinese articles of 10,000 characters without punctuation;
* large: the same eight at 100,000 characters (10x the text) - peak RSS must stay within 1.5x of
  the baseline (flat in the text's size), and the output within a fixed multiple of the input;
* one 94 KB English article without a full stop: output bytes per input byte.

    .venv/bin/python -m bench.hostile_text
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import atexit, sys
from pathlib import Path

def report():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            sys.stderr.write("VMHWM %d\n" % (int(line.split()[1]) * 1024))
atexit.register(report)
sys.argv = ["sinowatch", "extract", sys.argv[1]]
from sinowatch.cli import main
main()
"""

ZH = "华为与中芯国际面临新的出口管制措施寒武纪芯片受到影响英伟达等待许可"
EN = "Huawei and SMIC face new export controls on Ascend chips while Nvidia waits for a licence"


def _write(path: Path, texts: list[tuple[str, str]]) -> int:
    lines = [json.dumps({"id": i, "title": "t", "text": t, "lang": lang}, ensure_ascii=False)
             for i, (t, lang) in enumerate(texts)]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(data)
    return len(data)


def run_one(path: Path) -> tuple[int, int]:
    """(peak RSS bytes, output bytes) of one `sinowatch extract` process."""
    res = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, timeout=1800,
                         cwd=path.parent)
    if res.returncode not in (0, 1):
        raise RuntimeError(res.stderr.decode()[-2000:])
    peak = next(int(line.split()[1]) for line in res.stderr.decode().splitlines() if line.startswith("VMHWM "))
    return peak, len(res.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "zh_10k.jsonl"
        large = folder / "zh_100k.jsonl"
        english = folder / "en_94k.jsonl"
        n_small = _write(small, [((ZH * (10_000 // len(ZH) + 1))[:10_000], "zh")] * 8)
        n_large = _write(large, [((ZH * (100_000 // len(ZH) + 1))[:100_000], "zh")] * 8)
        n_en = _write(english, [((EN + " ") * (94_000 // (len(EN) + 1)), "en")])
        (p_small, o_small), (p_large, o_large), (p_en, o_en) = run_one(small), run_one(large), run_one(english)
    mib = 1024 * 1024
    print(f"{'input':<44} {'input MiB':>9} {'peak RSS MiB':>12} {'output MiB':>10} {'out/in':>7}")
    for name, n_in, peak, out in (("8 zh articles x 10,000 chars (baseline)", n_small, p_small, o_small),
                                  ("8 zh articles x 100,000 chars (10x text)", n_large, p_large, o_large),
                                  ("1 en article, 94 KB, no full stop", n_en, p_en, o_en)):
        print(f"{name:<44} {n_in / mib:>9.2f} {peak / mib:>12.0f} {out / mib:>10.2f} {out / n_in:>7.2f}")
    ratio = p_large / p_small
    print(f"peak RSS, 10x the text / baseline: {ratio:.2f}x (target <= 1.5x: {'met' if ratio <= 1.5 else 'MISSED'})")


if __name__ == "__main__":
    main()
