"""Issue #19: the beat test set and its split by event, the neutral band chosen on validation, and
headline | sentence contexts in the pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BEAT_TEST = ROOT / "tests" / "data" / "sentiment_beat.jsonl"
OLD_DOMAIN_TEST = ROOT / "tests" / "data" / "sentiment_domain.jsonl"
SENT_DIR = ROOT / "models" / "sentiment"


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event_key(event: str) -> str:
    """Event ids are ``te-<date>-<slug>`` (test) and ``tr-<date>-<slug>`` (train)."""
    return event.split("-", 1)[1]


def test_beat_test_set_has_the_size_and_mix_the_issue_asks_for() -> None:
    rows = _rows(BEAT_TEST)
    assert len(rows) >= 420
    assert sum(r["topic"] == "policy" for r in rows) * 2 >= len(rows)
    assert sum(r["lang"] == "zh" for r in rows) >= 90
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["label"] in ("positive", "negative", "neutral")
        assert r["event"].startswith("te-20") and 2019 <= int(r["event"][3:7]) <= 2026, r["event"]
        assert r["mention"].lower() in r["text"].lower()
        assert r["text"] == f"{r['headline']} | {r['lead']}"
    assert len({r["event"] for r in rows}) >= 60
    assert {r["label"] for r in rows} == {"positive", "negative", "neutral"}


def test_beat_test_events_and_texts_are_disjoint_from_all_training_data() -> None:
    test = _rows(BEAT_TEST)
    train_beat = _rows(SENT_DIR / "domain_train_beat.jsonl")
    assert not {_event_key(r["event"]) for r in test} & {_event_key(r["event"]) for r in train_beat}
    assert all(r["event"].startswith("tr-") for r in train_beat)
    test_texts = {r["text"].strip().lower() for r in test}
    test_parts = {p.strip().lower() for r in test for p in (r["headline"], r["lead"])}
    for other in (SENT_DIR / "domain_train.jsonl", SENT_DIR / "domain_train_beat.jsonl", OLD_DOMAIN_TEST):
        for r in _rows(other):
            t = r["text"].strip().lower()
            assert t not in test_texts and t not in test_parts, (other.name, r["text"])
            for part in (r.get("headline"), r.get("lead")):
                assert not part or part.strip().lower() not in test_parts, (other.name, part)


def test_beat_training_rows_teach_the_failure_classes() -> None:
    rows = _rows(SENT_DIR / "domain_train_beat.jsonl")
    assert sum(r["lang"] == "zh" for r in rows) >= 40
    texts = [r for r in rows if "for now" in r["text"]]
    assert texts and all(r["label"] == "negative" for r in texts)  # reprieves "for now" (GUIDELINE.md)
    shrug = [r for r in rows if "shrug" in r["text"].lower()]
    assert shrug and all(r["label"] == "positive" for r in shrug)


def test_load_beat_gives_the_whole_set_and_its_two_subsets() -> None:
    from sinowatch.models.sentiment.data import load_beat

    sets = load_beat(BEAT_TEST)
    rows = _rows(BEAT_TEST)
    assert len(sets["beat"]) == len(rows)
    assert len(sets["beat_policy"]) == sum(r["topic"] == "policy" for r in rows)
    assert len(sets["beat_zh"]) == sum(r["lang"] == "zh" for r in rows)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e.text) for e in sets["beat_zh"])


def test_floor_lines_report_the_beat_set_and_its_subsets_separately() -> None:
    from sinowatch.models.sentiment.evaluate import floor_lines

    def cell(correct: int, n: int) -> dict[str, float]:
        return {"accuracy": correct / n, "correct": correct, "n": n, "macro_f1": 0.5}

    result = {"tables": {
        "beat": {"int8_onnx": cell(380, 440)},
        "beat_policy": {"int8_onnx": cell(210, 271)},
        "beat_zh": {"int8_onnx": cell(99, 124)},
    }}
    lines = floor_lines(result)
    assert any(line.startswith("beat: 380/440") and "met" in line for line in lines)
    assert any(line.startswith("beat_policy: 210/271") and "MISSED by 7" in line for line in lines)
    assert any(line.startswith("beat_zh: 99/124") and "MISSED by 1" in line for line in lines)
    assert not any("baselines" in line for line in lines)  # none were run: no claim about them
    result["tables"]["beat"]["vader"] = cell(390, 440)
    assert "NOT above both baselines on: ['beat']" in floor_lines(result)


def test_neutral_bias_narrows_or_widens_the_neutral_band() -> None:
    import numpy as np
    from sinowatch.models.sentiment.calibrate import apply_neutral_bias

    p = np.array([[0.2, 0.45, 0.35], [0.1, 0.8, 0.1]])  # columns: negative, neutral, positive
    narrowed = apply_neutral_bias(p, 0.5)
    assert narrowed[0].argmax() == 2 and narrowed[1].argmax() == 1
    assert np.allclose(narrowed.sum(1), 1.0)
    assert np.allclose(apply_neutral_bias(p, 0.0), p)
    assert apply_neutral_bias(p, -1.0)[:, 1].min() > p[:, 1].min()


def test_choose_bias_picks_the_validation_optimum_and_keeps_zero_without_gain() -> None:
    import numpy as np
    from sinowatch.models.sentiment.calibrate import MIN_GAIN, choose_bias
    from sinowatch.models.sentiment.data import Example

    # domain rows: clear news that the model leaves slightly neutral -> a positive bias helps
    dom = [Example("A", f"text {i}", "positive", "d") for i in range(20)]
    pd = np.tile([0.1, 0.5, 0.4], (20, 1))
    gen = [Example("B", f"g {i}", lab, "g") for i, lab in enumerate(["neutral"] * 10 + ["negative"] * 10)]
    pg = np.array([[0.1, 0.8, 0.1]] * 10 + [[0.7, 0.2, 0.1]] * 10)
    r = choose_bias(pg, gen, pd, dom)
    assert r["kept"] and r["neutral_bias"] > 0
    assert r["at_best"]["selection"] == 1.0 and r["at_zero"]["selection"] == 0.5
    # the smallest bias that wins is chosen (exp(-b) * 0.5 < 0.4 from b = 0.3)
    assert r["neutral_bias"] == pytest.approx(0.3)
    # already right everywhere: nothing to gain, the band stays as trained
    r0 = choose_bias(pg, gen, np.tile([0.1, 0.1, 0.8], (20, 1)), dom)
    assert r0["neutral_bias"] == 0.0 and not r0["kept"] and MIN_GAIN > 0


@pytest.fixture()
def artefact_copy(tmp_path: Path) -> Path:
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR

    dst = tmp_path / "art"
    dst.mkdir()
    for name in ("model.int8.onnx", "tokenizer.json", "config.json"):
        shutil.copy(ARTIFACT_DIR / name, dst / name)
    for sub in json.loads((ARTIFACT_DIR / "config.json").read_text()).get("routes", {}).values():
        shutil.copytree(ARTIFACT_DIR / sub, dst / sub)  # the Chinese route's model (round 15)
    return dst


def _set_config(d: Path, **kv: object) -> None:
    cfg = json.loads((d / "config.json").read_text())
    cfg.update(kv)
    (d / "config.json").write_text(json.dumps(cfg))


def test_runtime_applies_the_neutral_bias_from_the_artefact_config(artefact_copy: Path) -> None:
    from sinowatch.models.sentiment.runtime import SentimentModel

    pairs = [("Huawei", "Huawei will hold its annual conference in Shanghai on Sept. 18."),
             ("SMIC", "SMIC shareholders re-elect the board at the annual meeting."),
             ("Nvidia", "Nvidia's chief executive is scheduled to visit Beijing next week.")]
    _set_config(artefact_copy, neutral_bias=0.0)
    plain = SentimentModel.load(artefact_copy)
    _set_config(artefact_copy, neutral_bias=30.0)
    narrow = SentimentModel.load(artefact_copy).score(pairs)
    _set_config(artefact_copy, neutral_bias=-30.0)
    wide = SentimentModel.load(artefact_copy).score(pairs)
    assert all(s.label != "neutral" for s in narrow)
    assert all(s.label == "neutral" for s in wide)
    # probs() stays the raw model output (the int8-vs-fp32 reference compares it)
    assert (SentimentModel.load(artefact_copy).probs(pairs) == plain.probs(pairs)).all()


def test_pipeline_reads_the_headline_only_for_models_trained_on_it(artefact_copy: Path) -> None:
    from sinowatch.models.sentiment.aggregate import apply_sentiment
    from sinowatch.models.sentiment.runtime import SentimentModel

    from sinowatch.records import Document, EntityRollup, Extraction, Mention

    class Recording(SentimentModel):
        """The real model, remembering the contexts it was asked about."""

        asked: list[tuple[str, str]]

        def score(self, pairs, batch_size=64):  # type: ignore[no-untyped-def]
            self.asked = list(pairs)
            return super().score(pairs, batch_size)

    title = "US adds Cambricon to Entity List"
    sentence = "The AI chip designer said the listing would not hurt operations."
    doc = Document(id="a", title=title, text="Cambricon said so. " + sentence)
    ex = Extraction(
        id="a", lang="en",
        mentions=(Mention("cambricon", "company", "Cambricon", "title", 15, 24, title),
                  Mention("cambricon", "company", "Cambricon", "text", 0, 9, "Cambricon said so.")),
        entities=(EntityRollup("cambricon", "company", 2),),
    )
    _set_config(artefact_copy, context=None)  # an artefact trained on single sentences
    old = SentimentModel.load(artefact_copy)
    old_rec = Recording(runtime=old.runtime, config=old.config, tokenizer=old._tok, session=old._session)
    apply_sentiment([doc], [ex], old_rec)
    assert ("Cambricon", "Cambricon said so.") in old_rec.asked

    _set_config(artefact_copy, context="headline | sentence")
    new = SentimentModel.load(artefact_copy)
    new_rec = Recording(runtime=new.runtime, config=new.config, tokenizer=new._tok, session=new._session)
    (out,) = apply_sentiment([doc], [ex], new_rec)
    assert ("Cambricon", f"{title} | Cambricon said so.") in new_rec.asked
    assert ("Cambricon", title) in new_rec.asked  # the title mention is scored in the title alone
    assert all(m.sentiment is not None for m in out.mentions)


def test_with_headline_joins_once_and_skips_empty_or_repeated_headlines() -> None:
    from sinowatch.models.sentiment.data import with_headline

    assert with_headline("Headline", "Sentence.") == "Headline | Sentence."
    assert with_headline("", "Sentence.") == "Sentence."
    assert with_headline("Same.", "Same.") == "Same."


def test_sentiment_band_command_has_help() -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    r = CliRunner().invoke(app, ["train", "sentiment-band", "--help"])
    assert r.exit_code == 0 and "VALIDATION" in r.output


def test_blind_relabelling_covers_100_beat_pairs_and_kappa_is_computed_from_it() -> None:
    from sinowatch.models.sentiment.evaluate import BEAT_RELABEL, relabel_agreement

    pairs = json.loads(BEAT_RELABEL.read_text(encoding="utf-8"))["pairs"]
    ids = {r["id"] for r in _rows(BEAT_TEST)}
    assert len(pairs) == 100 and len({p["id"] for p in pairs}) == 100 and {p["id"] for p in pairs} <= ids
    k = relabel_agreement()
    assert k["n"] == 100 and 0 <= k["agree"] <= 100 and -1.0 <= k["kappa"] <= 1.0


def test_choose_bias_never_buys_domain_accuracy_with_more_than_the_general_guard() -> None:
    import numpy as np
    from sinowatch.models.sentiment.calibrate import GENERAL_GUARD, choose_bias
    from sinowatch.models.sentiment.data import Example

    # the bias that fixes the 20 domain rows (b > 0.22) also flips 10 % of the general rows: not eligible
    dom = [Example("A", f"text {i}", "positive", "d") for i in range(20)]
    pd = np.tile([0.1, 0.5, 0.4], (20, 1))
    gen = [Example("B", f"g {i}", "neutral", "g") for i in range(100)]
    pg = np.array([[0.19, 0.45, 0.36]] * 10 + [[0.05, 0.9, 0.05]] * 90)
    r = choose_bias(pg, gen, pd, dom)
    assert r["at_zero"]["val_acc"] == 1.0 and r["min_general_val_acc"] == 1.0 - GENERAL_GUARD
    assert r["neutral_bias"] == 0.0 and r["best_bias"] == 0.0 and not r["kept"]
    # with the general rows less close to the edge, the same scan does narrow the band
    pg2 = np.array([[0.05, 0.9, 0.05]] * 100)
    assert choose_bias(pg2, gen, pd, dom)["neutral_bias"] > 0.2


def test_the_neutral_band_is_part_of_the_model_version(artefact_copy: Path) -> None:
    from sinowatch.models.sentiment.runtime import SentimentModel

    _set_config(artefact_copy, neutral_bias=0.0)
    plain = SentimentModel.load(artefact_copy).version
    _set_config(artefact_copy, neutral_bias=1.2)
    banded = SentimentModel.load(artefact_copy).version
    # the band is the folder's own model's; a Chinese route's version follows it (round 15)
    head, _, route = plain.partition("+")
    assert banded == f"{head}-nb1.2" + (f"+{route}" if route else "") and plain.startswith("sentiment-")


def test_replace_head_with_the_dequantized_head_keeps_the_labels(tmp_path: Path) -> None:
    import numpy as np
    import onnx
    from onnx import numpy_helper
    from sinowatch.models.sentiment.head import replace_head
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel

    inits = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(ARTIFACT_DIR / "model.int8.onnx")).graph.initializer}
    q = inits["inner.head.weight_Transposed_quantized"].astype(np.float32)
    w0 = ((q - inits["inner.head.weight_Transposed_zero_point"].astype(np.float32))
          * inits["inner.head.weight_Transposed_scale"]).T
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(ARTIFACT_DIR / name, tmp_path / name)
    config = json.loads((tmp_path / "config.json").read_text())
    config.pop("routes", None)  # the head of the folder's own model; the Chinese route is not copied
    (tmp_path / "config.json").write_text(json.dumps(config))
    replace_head(ARTIFACT_DIR / "model.int8.onnx", tmp_path / "model.int8.onnx", w0, inits["inner.head.bias"])
    ref = json.loads((ARTIFACT_DIR / "reference.json").read_text())[:60]
    pairs = [(r["target"], r["text"]) for r in ref]
    a, b = SentimentModel.load(routed=False).probs(pairs), SentimentModel.load(tmp_path).probs(pairs)
    assert (a.argmax(1) == b.argmax(1)).mean() >= 0.98 and np.abs(a - b).max() < 0.05
    # a different head changes the outputs: the graph really uses the new weights
    replace_head(ARTIFACT_DIR / "model.int8.onnx", tmp_path / "model.int8.onnx", -w0, inits["inner.head.bias"])
    assert (SentimentModel.load(tmp_path).probs(pairs).argmax(1) != a.argmax(1)).mean() > 0.3


SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
if not SENTIMENT_DATA.is_dir():  # a worktree sits one level deeper than the main checkout
    SENTIMENT_DATA = ROOT.parent.parent / "shared" / "data" / "sentiment"


@pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason="shared sentiment data absent; see ../shared/data/README.md")
def test_refit_head_runs_end_to_end_on_a_tiny_sample(tmp_path: Path) -> None:
    from sinowatch.models.sentiment.head import refit_head
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel

    record = refit_head(SENTIMENT_DATA, ARTIFACT_DIR, tmp_path / "art", max_rows=64, grid_c=(1.0,),
                        grid_domain_weight=(2,))
    assert record["train_rows"] == 64 and [t["head"] for t in record["trials"]][0] == "original"
    assert record["chosen"]["head"].startswith("refit")
    m = SentimentModel.load(tmp_path / "art")
    assert m.config["head_stage"]["from_version"] == SentimentModel.load().config["version"]
    assert "neutral_bias" not in m.config and m.config["context"] == "headline | sentence"
    assert m.score([("Nvidia", "Nvidia shares fell.")])[0].label in m.labels


def test_checkpoint_rebuilt_from_the_int8_artefact_matches_its_fp32_reference(tmp_path: Path) -> None:
    import numpy as np
    from sinowatch.models.sentiment.dequant import checkpoint_from_artifact
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel

    checkpoint_from_artifact(ARTIFACT_DIR, tmp_path / "fp32")
    ref = json.loads((ARTIFACT_DIR / "reference.json").read_text())[:80]
    probs = SentimentModel.load(tmp_path / "fp32", runtime="torch").probs([(r["target"], r["text"]) for r in ref])
    fp32 = np.array([r["fp32_probs"] for r in ref])
    assert (probs.argmax(1) == fp32.argmax(1)).mean() >= 0.95  # as int8 vs fp32 (test_sentiment.py)
    assert json.loads((tmp_path / "fp32" / "config.json").read_text())["dequantized_from"] == \
        json.loads((ARTIFACT_DIR / "config.json").read_text())["version"]
