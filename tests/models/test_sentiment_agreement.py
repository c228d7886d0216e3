"""The second, blind labelling of sealed beat pairs (#19, round 28): agreement figures and their command."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sinowatch.models.sentiment.agreement import (
    CROSSLABEL,
    DATA_DIR,
    beat_rows,
    cohen_kappa,
    cross_agreement,
    load_second,
)
from typer.testing import CliRunner

from sinowatch.errors import SinowatchError


def _write_beat(d: Path, name: str, rows: list[dict[str, str]]) -> None:
    (d / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _pair(pid: str, label: str, lang: str = "en", topic: str = "market") -> dict[str, str]:
    return {"id": pid, "text": f"Headline {pid} | lead", "headline": f"Headline {pid}", "lead": "lead",
            "entity": "huawei", "mention": "Huawei", "label": label, "lang": lang, "topic": topic}


@pytest.fixture()
def beat_dir(tmp_path: Path) -> Path:
    _write_beat(tmp_path, "sentiment_beat_holdout1.jsonl",
                [_pair("a1", "positive"), _pair("a2", "negative", topic="policy"), _pair("a3", "neutral", "zh")])
    _write_beat(tmp_path, "sentiment_beat_holdout2.jsonl",
                [_pair("b1", "negative", "zh", "policy"), _pair("b2", "positive")])
    return tmp_path


def test_kappa_against_the_textbook_cases() -> None:
    assert cohen_kappa(["positive", "negative"] * 5, ["positive", "negative"] * 5) == 1.0
    # observed 0.5 where chance is 0.5: no better than chance
    assert cohen_kappa(["positive", "positive", "negative", "negative"],
                       ["positive", "negative", "positive", "negative"]) == pytest.approx(0.0)
    # a worked 2x2 example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> po 0.7, pe 0.5, kappa 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    with pytest.raises(ValueError, match="different lengths"):
        cohen_kappa(["y"], ["y", "n"])


def test_kappa_matches_sklearn_on_random_labellings() -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(3)
    for _ in range(20):
        a = [rng.choice(("positive", "negative", "neutral")) for _ in range(60)]
        b = [x if rng.random() < 0.7 else rng.choice(("positive", "negative", "neutral")) for x in a]
        assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_agreement_per_slice(beat_dir: Path) -> None:
    rows = beat_rows(beat_dir)
    labels = beat_dir / "second.json"
    labels.write_text(json.dumps({"pairs": [{"id": "a1", "label": "positive"}, {"id": "a2", "label": "neutral"},
                                            {"id": "a3", "label": "neutral"}, {"id": "b1", "label": "negative"}]}))
    out = cross_agreement(load_second(labels, rows), rows)
    assert (out["all"]["n"], out["all"]["agree"]) == (4, 3)
    assert (out["policy"]["n"], out["policy"]["agree"]) == (2, 1)
    assert (out["zh"]["n"], out["zh"]["agree"]) == (2, 2)
    assert (out["en"]["n"], out["en"]["agree"]) == (2, 1)
    assert out["all"]["disagreements"] == {"negative->neutral": 1}
    assert out["zh"]["kappa"] == 1.0


@pytest.mark.parametrize(("pairs", "message"), [
    ([{"id": "zz", "label": "positive"}], "not in any"),
    ([{"id": "a1", "label": "positive"}, {"id": "a1", "label": "negative"}], "labelled twice"),
    ([{"id": "a1", "label": "good"}], "is not positive, negative or neutral"),
    ([], "non-empty"),
])
def test_bad_second_labelling_is_a_clear_error(beat_dir: Path, pairs: list[dict[str, str]], message: str) -> None:
    labels = beat_dir / "second.json"
    labels.write_text(json.dumps({"pairs": pairs}))
    with pytest.raises(SinowatchError, match=message):
        load_second(labels, beat_rows(beat_dir))


def test_unreadable_second_labelling(beat_dir: Path) -> None:
    labels = beat_dir / "second.json"
    labels.write_text("{not json")
    with pytest.raises(SinowatchError, match="not JSON"):
        load_second(labels, beat_rows(beat_dir))
    with pytest.raises(SinowatchError, match="cannot read"):
        load_second(beat_dir / "missing.json", beat_rows(beat_dir))


def test_repeated_pair_id_across_beat_files(beat_dir: Path) -> None:
    _write_beat(beat_dir, "sentiment_beat_holdout3.jsonl", [_pair("a1", "neutral")])
    with pytest.raises(SinowatchError, match="also appears"):
        beat_rows(beat_dir)


@pytest.mark.skipif(not CROSSLABEL.exists(), reason="the second labelling is not in this checkout")
def test_committed_second_labelling_is_the_documented_sample() -> None:
    """300 pairs, drawn by random.Random(28).sample from the pooled holdout19..holdout25 beat sets (in file order),
    labelled blind: the file holds exactly that sample, in that order, each pair once."""
    pooled = []
    for h in range(19, 26):
        path = DATA_DIR / f"sentiment_beat_holdout{h}.jsonl"
        pooled += [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = random.Random(28).sample(pooled, 300)
    second = load_second(CROSSLABEL, beat_rows())
    assert [pid for pid, _ in second] == expected
    out = cross_agreement(second, beat_rows())
    assert out["all"]["n"] == 300 and 0 < out["all"]["agree"] < 300


@pytest.mark.skipif(not CROSSLABEL.exists(), reason="the second labelling is not in this checkout")
def test_eval_agreement_command_without_the_model() -> None:
    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["eval-agreement", "--no-model"])
    assert out.exit_code == 0, out.output
    agree = cross_agreement(load_second(CROSSLABEL, beat_rows()), beat_rows())["all"]
    assert f"{agree['kappa']:.3f}" in out.output and "policy" in out.output and "zh" in out.output


def test_eval_agreement_command_reports_a_bad_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "second.json"
    bad.write_text(json.dumps({"pairs": [{"id": "no-such-pair", "label": "positive"}]}))
    res = subprocess.run([sys.executable, "-m", "sinowatch.cli", "eval-agreement", "--no-model", "--labels", str(bad)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode != 0
    assert "no-such-pair" in res.stderr and "Traceback" not in res.stderr
