"""Entity-level sentiment: the bundled model, its runtime, aggregation and the training code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sinowatch.errors import ModelError
from sinowatch.records import Document, EntityRollup, Extraction, Mention

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SENTIMENT_DATA = SHARED / "sentiment"
needs_data = pytest.mark.skipif(
    not SENTIMENT_DATA.is_dir(),
    reason=f"shared data sets absent ({SENTIMENT_DATA}); see ../shared/data/README.md",
)


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sinowatch.models.sentiment.runtime import SentimentModel

    return SentimentModel.load()


def test_bundled_model_loads_offline_and_scores(model) -> None:  # type: ignore[no-untyped-def]
    out = model.score(
        [("Inspur", "U.S. adds Inspur units to the Entity List"), ("overall", "Profit doubled.")]
    )
    assert len(out) == 2
    assert all(s.label in ("positive", "negative", "neutral") and -1.0 <= s.score <= 1.0 for s in out)
    assert model.version.startswith("sentiment-") and len(model.version) > len("sentiment-")


@pytest.mark.parametrize(
    ("sentence", "good", "bad"),
    [
        ("Kunlunxin wins a China Mobile order that displaces Nvidia parts", "Kunlunxin", "Nvidia"),
        ("Cambricon shares soared while Nvidia lost its China sales", "Cambricon", "Nvidia"),
    ],
)
def test_label_flips_between_entities_in_one_sentence(model, sentence: str, good: str, bad: str) -> None:  # type: ignore[no-untyped-def]
    pos, neg = model.score([(good, sentence), (bad, sentence)])
    assert pos.label == "positive" and neg.label == "negative"
    assert pos.score > 0 > neg.score


def test_results_come_back_in_input_order_and_duplicates_agree(model) -> None:  # type: ignore[no-untyped-def]
    pairs = [
        ("overall", "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn."),
        ("Inspur", "U.S. adds Inspur units to the Entity List"),
    ]
    batched = model.score(pairs * 3, batch_size=2)
    assert [s.label for s in batched] == [s.label for s in batched[:2]] * 3  # duplicates are scored once
    again = model.score(list(reversed(pairs * 3)), batch_size=2)
    assert [(s.label, s.score) for s in reversed(again)] == [(s.label, s.score) for s in batched]
    single = [model.score([p], batch_size=1)[0] for p in pairs]
    assert batched[0].label == single[0].label == "positive"
    # dynamic int8 quantizes activations per batch, and its kernels differ by instruction set, so batch company
    # and the CPU move scores (round 15's AVX2 machine: the Inspur pair negative in a batch, neutral alone)
    assert batched[0].score == pytest.approx(single[0].score, abs=0.05)
    # The model alone reads the designation wrongly: round 18's model scored the Inspur pair slightly positive in a
    # batch on an AVX-512 machine, round 28's (7847cca75bc1) scores it positive (0.82). The pipeline never gives it
    # alone: the event layer makes a designation's target take bad news (MODEL_CARD.md, "Known failure modes")
    from sinowatch.models.sentiment.data import Example
    from sinowatch.models.sentiment.eval_events import adjusted_labels, pipeline_extractor
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    rows = [Example("Inspur", pairs[1][1], "negative", "beat", "inspur")]
    assert adjusted_labels(model, rows, pipeline_extractor(), SHIPPED_RULE) == ["negative"]


def test_int8_agrees_with_fp32_reference(model) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel

    ref = json.loads((ARTIFACT_DIR / "reference.json").read_text())
    ref = ref[:100]
    # the reference is the folder's own model's (a routed artefact's Chinese model has its own in zh/)
    probs = SentimentModel.load(routed=False).probs([(r["target"], r["text"]) for r in ref])
    agree = sum(
        int(p.argmax()) == max(range(3), key=lambda i: r["fp32_probs"][i])
        for p, r in zip(probs, ref, strict=True)
    )
    assert agree / len(ref) >= 0.95


def test_missing_model_dir_names_the_build_command(tmp_path: Path) -> None:
    from sinowatch.models.sentiment.runtime import SentimentModel

    with pytest.raises(ModelError, match="sinowatch train sentiment --data"):
        SentimentModel.load(tmp_path / "nowhere")
    with pytest.raises(ModelError, match="sinowatch train sentiment"):
        SentimentModel.load(tmp_path / "nowhere", runtime="torch")


def test_apply_sentiment_fills_mentions_entities_and_article(model) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.aggregate import apply_sentiment

    title = "Kunlunxin wins a China Mobile order that displaces Nvidia parts"
    text = "Nvidia shares fell on the news. Kunlunxin said revenue would double."
    doc = Document(id="a1", title=title, text=text)
    mentions = (
        Mention("kunlunxin", "company", "Kunlunxin", "title", 0, 9, title),
        Mention("nvidia", "company", "Nvidia", "title", 52, 58, title),
        Mention("nvidia", "company", "Nvidia", "text", 0, 6, "Nvidia shares fell on the news."),
        Mention("kunlunxin", "company", "Kunlunxin", "text", 32, 41, "Kunlunxin said revenue would double."),
    )
    ex = Extraction(
        id="a1",
        lang="en",
        mentions=mentions,
        entities=(EntityRollup("kunlunxin", "company", 2), EntityRollup("nvidia", "company", 2)),
    )
    (out,) = apply_sentiment([doc], [ex], model)
    assert all(m.sentiment is not None for m in out.mentions)
    ents = {e.entity: e.sentiment for e in out.entities}
    assert ents["kunlunxin"] is not None and ents["kunlunxin"].label == "positive"
    assert ents["nvidia"] is not None and ents["nvidia"].label == "negative"
    assert out.sentiment is not None and -1 <= out.sentiment.score <= 1
    assert apply_sentiment([], [], model) == []


@needs_data
def test_splits_keep_each_headline_in_one_split() -> None:
    from sinowatch.models.sentiment.data import load_sentfin, split_of

    rows = load_sentfin(SENTIMENT_DATA)
    seen: dict[str, str] = {}
    for e in rows:
        s = split_of(e.text)
        assert seen.setdefault(e.text, s) == s
    assert {"train", "validation", "test"} == set(seen.values())


@needs_data
def test_training_runs_end_to_end_on_a_tiny_sample(tmp_path: Path) -> None:
    """64 rows, one epoch, short sequences: checks the code path, not accuracy."""
    from sinowatch.models.sentiment.runtime import SentimentModel
    from sinowatch.models.sentiment.train import train

    record = train(
        SENTIMENT_DATA, tmp_path / "art", epochs=1, max_rows=64, max_length=48, work_dir=tmp_path / "fp32",
        calibrate_band=True,
    )
    assert record["train_rows"] == 64 and "version" in record
    band = record["neutral_band"]  # chosen on the run's validation rows, stored in the artefact
    assert band["validation_rows"]["general"] == 16 and record["neutral_bias"] == band["neutral_bias"]
    assert json.loads((tmp_path / "art" / "config.json").read_text())["neutral_bias"] == band["neutral_bias"]
    selected = str(record["selected"]["epoch"])
    assert record["pooling"] == "mean+target" and (selected in ("1", "domain 1", "domain 2") or selected.startswith("soup("))
    assert all("val_acc" in row and "selection" in row for row in record["history"])
    # three scored states (epoch 1, domain 1, domain 2): the greedy soup tried two averages at most,
    # and a soup is selected only when it beat every single state on validation
    soups = [row for row in record["history"] if str(row["epoch"]).startswith("soup(")]
    assert 1 <= len(soups) <= 2
    singles = [row["selection"] for row in record["history"] if not str(row["epoch"]).startswith("soup(")]
    if selected.startswith("soup("):
        assert record["selected"]["selection"] > max(singles)
    m = SentimentModel.load(tmp_path / "art")
    assert "target_mask" in [i.name for i in m._session.get_inputs()]
    assert len(m.score([("Nvidia", "Nvidia shares fell.")])) == 1
    assert SentimentModel.load(tmp_path / "fp32", runtime="torch").score([("a", "a b")])[0].label in m.labels
    # a second run (another seed) offers the first run's checkpoint to its soup
    again = train(SENTIMENT_DATA, tmp_path / "art2", epochs=1, max_rows=32, max_length=48, seed=1,
                  work_dir=tmp_path / "fp32-seed1", domain_epochs=0, export=False, soup_with=[tmp_path / "fp32"])
    names = [str(row["epoch"]) for row in again["history"]]
    assert "checkpoint fp32" in names and any(n.startswith("soup(") and "checkpoint fp32" in n for n in names)
    assert again["soup_with"] == [str(tmp_path / "fp32")]


def test_average_states_means_float_tensors_and_keeps_integer_buffers() -> None:
    import torch
    from sinowatch.models.sentiment.train import average_states

    a = {"w": torch.tensor([1.0, 3.0]), "ids": torch.tensor([0, 1])}
    b = {"w": torch.tensor([3.0, 5.0]), "ids": torch.tensor([7, 7])}
    out = average_states([a, b])
    assert torch.equal(out["w"], torch.tensor([2.0, 4.0]))
    assert torch.equal(out["ids"], torch.tensor([0, 1]))  # not averaged, taken from the first
    assert torch.equal(a["w"], torch.tensor([1.0, 3.0]))  # inputs untouched


def test_target_mask_covers_the_marked_span_and_falls_back_to_the_whole_pair() -> None:
    from sinowatch.models.sentiment.data import encode_pair
    from sinowatch.models.sentiment.net import batch_arrays, load_tokenizer
    from sinowatch.models.sentiment.train import base_model_path

    tok = load_tokenizer(base_model_path(), 64)
    pairs = [
        encode_pair("Nvidia", "Kunlunxin wins an order that displaces Nvidia parts"),
        encode_pair("Kunlunxin", "Kunlunxin wins an order that displaces Nvidia parts"),
        encode_pair("overall", "A quiet day for chip stocks"),
    ]
    arrays = batch_arrays(tok, pairs, target_mask=True)
    for i, (target, _text) in enumerate(pairs[:2]):
        enc = tok.encode(*pairs[i])
        marked = [t for t, m in zip(enc.tokens, arrays["target_mask"][i], strict=False) if m]
        assert "".join(marked).replace("#", "") == f"<t>{target.lower()}</t>"
    # two firms in one sentence get different masks; a sentence-level pair pools everything
    assert (arrays["target_mask"][0] != arrays["target_mask"][1]).any()
    assert (arrays["target_mask"][2] == arrays["attention_mask"][2]).all()
    assert "target_mask" not in batch_arrays(tok, pairs)


@needs_data
def test_domain_validation_rows_are_held_out_of_training() -> None:
    from sinowatch.models.sentiment.data import training_sets

    sets = training_sets(SENTIMENT_DATA)
    held = {e.text for e in sets["validation_domain"]}
    trained = {e.text for e in sets["train"] if e.source == "domain_train"}
    assert held and trained and not held & trained
