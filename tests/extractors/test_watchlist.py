from __future__ import annotations

from pathlib import Path

import pytest
from sinowatch.extractors.watchlist import load_watchlist

from sinowatch.errors import ExtractionError

REQUIRED = """deepseek alibaba baidu tencent bytedance huawei smic cambricon moonshot zhipu minimax baichuan 01ai
stepfun iflytek sensetime hygon moore-threads biren metax kunlunxin unitree xiaomi hua-hong cxmt ymtc naura inspur
sugon nvidia amd intel tsmc asml samsung sk-hynix micron openai ascend-910b ascend-910c ascend-950 nvidia-h20
nvidia-h200 nvidia-h100 nvidia-h800 nvidia-a100 amd-mi308 kunlun-p800 siyuan-590 hbm entity-list
unreliable-entity-list ai-diffusion-rule affiliates-rule five-year-plan-15 made-in-china-2025 chips-act big-fund
ai-plus bis us-commerce mofcom cac samr miit""".split()


def test_bundled_watchlist_has_the_beat() -> None:
    wl = load_watchlist()
    assert wl.version
    missing = [i for i in REQUIRED if i not in wl.entities]
    assert not missing
    assert wl.entities["kunlunxin"].parent == "baidu"
    assert {e.kind for e in wl.entities.values()} == {"company", "chip", "policy", "agency"}
    products = {a.text for a in wl.entities["moonshot"].aliases if a.source == "products"}
    assert "Kimi" in products
    assert any(a.text == "9988.HK" and a.case_sensitive for a in wl.entities["alibaba"].aliases)


def _write(tmp_path: Path, body: str, name: str = "w.yaml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entities: []\n", "version"),
        ("version: '1'\nentities:\n  - {id: Bad_Id, kind: company, name: X, aliases: [X]}\n", "lowercase slug"),
        ("version: '1'\nentities:\n  - {id: x, kind: firm, name: X, aliases: [X]}\n", "'kind'"),
        ("version: '1'\nentities:\n  - {id: x, kind: company, name: X}\n", "at least one alias"),
        ("version: '1'\nentities:\n  - {id: x, kind: company, name: X, aliases: [X], colour: red}\n", "unknown field"),
        ("version: '1'\nentities:\n  - {id: x, kind: company, name: X, aliases: [{text: X, context: ['(']}]}\n",
         "bad regular expression"),
        ("version: '1'\nentities:\n  - {id: x, kind: chip, name: X, parent: nope, aliases: [X]}\n", "unknown parent"),
        ("version: '1'\nentities:\n  - {id: x, kind: company, name: X, aliases: [Foo]}\n"
         "  - {id: y, kind: company, name: Y, aliases: [foo]}\n", "already an alias"),
        ("version: '1'\nentities: [\n", "not valid YAML"),
    ],
)
def test_bad_watchlist_files_name_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    p = _write(tmp_path, body)
    with pytest.raises(ExtractionError) as err:
        load_watchlist(base=p)
    assert message in str(err.value)
    assert str(p) in str(err.value)


def test_bad_user_file_names_the_entry(tmp_path: Path) -> None:
    p = _write(tmp_path, "entities:\n  - {id: newco, kind: startup, name: NewCo, aliases: [NewCo]}\n")
    with pytest.raises(ExtractionError, match=r"w\.yaml.*newco.*kind"):
        load_watchlist([p])


def test_user_file_extends_overrides_and_changes_version(tmp_path: Path) -> None:
    base = load_watchlist()
    p = _write(tmp_path, """
entities:
  - id: zhipu
    aliases: [Zhipu Huazhang]
  - id: newco
    kind: company
    name: NewCo AI
    country: CN
    aliases: [NewCo AI]
  - id: ymtc
    remove: true
""")
    wl = load_watchlist([p])
    assert wl.version != base.version and wl.version.startswith(base.version)
    assert "newco" in wl.entities and "ymtc" not in wl.entities
    texts = {a.text for a in wl.entities["zhipu"].aliases}
    assert {"Zhipu Huazhang", "Zhipu"} <= texts


def test_user_file_is_used_by_the_extractor(tmp_path: Path) -> None:
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig
    from sinowatch.records import Document

    p = _write(tmp_path, "entities:\n  - {id: newco, kind: company, name: NewCo, aliases: [NewCo AI]}\n")
    ex = Extractor.load(ExtractionConfig(watchlist=[str(p)], event_classifier=False))
    (out,) = list(ex.extract([Document(id="1", title="", text="NewCo AI raised $10 million.", lang="en")]))
    assert [r.entity for r in out.entities] == ["newco"]
