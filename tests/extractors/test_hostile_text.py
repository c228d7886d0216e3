"""Issue #17: text without sentence punctuation and hostile `sinowatch extract` input."""

from __future__ import annotations

import json
import subprocess
import sys

from sinowatch.extractors.matcher import MAX_SENTENCE_CHARS
from sinowatch.extractors.pipeline import MAX_EVENTS, MAX_MENTIONS, to_json

from sinowatch.records import Document

CLI = [sys.executable, "-c", "from sinowatch.cli import main; main()"]


def test_unpunctuated_text_gives_bounded_sentences_and_output(extractor):
    # ~94 KB of English without a full stop, many mentions (the 329 MB case), and the
    # same in Chinese without 。
    en = " ".join(["Huawei and SMIC face new export controls on Ascend chips while Nvidia waits"] * 1250)
    zh = "华为与中芯国际面临新的出口管制措施寒武纪芯片受到影响" * 3000
    docs = [Document(id="en", title="t", text=en, lang="en"), Document(id="zh", title="t", text=zh, lang="zh")]
    for doc, ex in zip(docs, extractor.extract(docs), strict=True):
        assert len(doc.text.encode()) > 90_000
        assert 0 < len(ex.mentions) <= MAX_MENTIONS and len(ex.events) <= MAX_EVENTS
        assert all(len(m.sentence) <= MAX_SENTENCE_CHARS for m in ex.mentions)
        assert all(len(e.sentence) <= MAX_SENTENCE_CHARS for e in ex.events)
        # each mention's sentence is a window around it
        for m in ex.mentions[:50]:
            assert m.text in m.sentence
        # the roll-up still counts every mention, stored or not
        assert sum(r.count for r in ex.entities) >= len(ex.mentions)
        size = len(json.dumps(to_json(ex), ensure_ascii=False).encode())
        assert size < 1_500_000, f"{doc.id}: {size} bytes of output for {len(doc.text.encode())} bytes of text"


def test_bad_lines_are_reported_and_skipped(tmp_path):
    lines = [
        json.dumps({"id": "good1", "text": "SMIC was added to the Entity List."}).encode(),
        b'{"id": "latin1", "text": "caf\xe9 Huawei"}',  # not UTF-8
        json.dumps({"id": "surrogate", "text": "Huawei \ud800 chips"}).encode(),  # lone surrogate escape
        b"[" * 100_000 + b"]" * 100_000,  # very deep nesting
        json.dumps({"id": "word", "text": "a" * 1_200_000}).encode(),  # a 1.2 MB single word
        json.dumps({"id": "good2", "text": "Huawei unveiled a new Ascend chip."}).encode(),
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    res = subprocess.run([*CLI, "extract", str(path)], capture_output=True, cwd=tmp_path, timeout=300)
    err = res.stderr.decode()
    out = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["good1", "word", "good2"]
    assert "Traceback" not in err and res.returncode == 1
    assert "line 2: not UTF-8" in err and "line 3: 'text' holds a lone surrogate" in err
    assert "line 4: JSON nested too deeply" in err and "line 5: text cut to 100,000 characters" in err
    assert {m["entity"] for m in out[2]["mentions"]} >= {"huawei"}
