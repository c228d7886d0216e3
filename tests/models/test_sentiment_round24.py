"""Issue #19, round 24: the shipped event layer judged against lower ``keep_margin`` values and the
model alone on a file of pairs sampled like the sealed sets (``eval_events --sample``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
needs_data = pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason=f"shared data sets absent ({SENTIMENT_DATA})")


def test_candidates_follow_the_cards_tie_order() -> None:
    from sinowatch.models.sentiment.eval_events import sample_candidates
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    cands = sample_candidates()
    assert [n for n, _ in cands] == ["S", "K0.9", "K0.7", "K0.5", "K0.3", "M"]
    assert cands[0][1] == SHIPPED_RULE and cands[-1][1] is None
    for name, rule in cands[1:-1]:
        assert rule is not None and rule.keep_margin == float(name[1:])
        # only the margin differs from the shipped layer
        assert rule.tag.replace(f"k{rule.keep_margin:g}", "k2") == SHIPPED_RULE.tag


def _row(name: str, sample: int, general: int = 1000) -> dict[str, object]:
    return {"candidate": name, "sample": sample, "general": general}


def test_a_candidate_replaces_the_shipped_layer_only_with_three_more_right() -> None:
    from sinowatch.models.sentiment.eval_events import sample_choice

    # two more right: the shipped layer stays, though the model alone is best
    assert sample_choice([_row("S", 150), _row("K0.5", 151), _row("M", 152)], 2000) == ("M", "S")
    assert sample_choice([_row("S", 150), _row("K0.5", 151), _row("M", 153)], 2000) == ("M", "M")
    # ties go to the candidate nearer the shipped layer
    assert sample_choice([_row("S", 150), _row("K0.9", 154), _row("K0.3", 154), _row("M", 154)], 2000) == (
        "K0.9", "K0.9")
    # more than 0.005 of the general validation rows lost: no change
    assert sample_choice([_row("S", 150, 1000), _row("M", 160, 989)], 2000) == ("M", "S")
    assert sample_choice([_row("S", 150, 1000), _row("M", 160, 990)], 2000) == ("M", "M")


def test_sample_and_switches_are_refused_together() -> None:
    from sinowatch.models.sentiment.eval_events import main

    with pytest.raises(SystemExit) as e:
        main(["--sample", "x.jsonl", "--switches", "beats"])
    assert e.value.code == 2


@needs_data
def test_judge_sample_scores_each_candidate_as_the_pipeline_would(tmp_path: Path) -> None:
    from sinowatch.models.sentiment.data import load_domain
    from sinowatch.models.sentiment.eval_events import adjusted_labels, judge_sample, pipeline_extractor
    from sinowatch.models.sentiment.policy import SHIPPED_RULE
    from sinowatch.models.sentiment.runtime import SentimentModel

    # pairs written for this test: a listing read by the layer, a launch, a bystander
    rows = [
        ("US adds Zhipu AI to the Entity List | The Commerce Department cited military end uses.",
         "zhipu", "Zhipu AI", "negative"),
        ("US adds Zhipu AI to the Entity List | The Commerce Department cited military end uses.",
         "us-commerce", "Commerce Department", "neutral"),
        ("百度发布文心大模型新版本 | 百度表示新模型推理成本下降。", "baidu", "百度", "positive"),
        ("Nvidia shares slip as investors weigh China risk | Analysts cut targets after the curbs.",
         "nvidia", "Nvidia", "negative"),
    ]
    path = tmp_path / "sample.jsonl"
    path.write_text("".join(json.dumps({"id": f"t-{i}", "text": t, "entity": e, "mention": m, "label": y,
                                        "lang": "en", "topic": "policy"}, ensure_ascii=False) + "\n"
                            for i, (t, e, m, y) in enumerate(rows)), encoding="utf-8")
    j = judge_sample(path, SENTIMENT_DATA)
    table = {f["candidate"]: f for f in j["table"]}
    assert list(table) == ["S", "K0.9", "K0.7", "K0.5", "K0.3", "M"]
    examples = load_domain(path, "validation_beat")
    model, extractor = SentimentModel.load(), pipeline_extractor()
    for name, rule in (("S", SHIPPED_RULE), ("M", None)):
        labels = adjusted_labels(model, examples, extractor, rule)
        assert table[name]["sample"] == sum(a == e.label for a, e in zip(labels, examples, strict=True))
    assert j["rows"]["sample"] == 4
    assert j["chosen"] in table and j["best"] in table
    assert all(f["V"] > 0 and f["general"] > 0 for f in j["table"])


# --- round 24: a pair's label never depends on what else is scored with it ---

_NEIGHBOURS = [
    ("Nvidia", "Nvidia shares fall after U.S. curbs H20 sales to China | The chipmaker expects a $5.5 billion charge."),
    ("SMIC", "中芯国际四季度营收创新高 | 公司称国产替代需求强劲，产能利用率回升。"),
    ("Huawei", "Huawei unveils Ascend 910C as rivals race for AI chips | " + "The launch drew crowds in Shenzhen. " * 12),
    ("Baidu", "Baidu | Ernie."),
]


def test_a_pairs_label_does_not_depend_on_its_batch() -> None:
    """The int8 graph quantizes activations with one scale over its whole input: scored in a padded batch,
    a pair's probabilities followed its neighbours' (2-4% of the validation pairs changed label). Each pair
    now runs alone, so its probabilities are the same bit for bit in any company and any batch size."""
    import numpy as np
    from sinowatch.models.sentiment.runtime import SentimentModel

    model = SentimentModel.load()
    pair = ("Samsung", "Samsung overtakes Intel as top chip vendor by revenue | A research firm's ranking put "
                       "Samsung first on memory sales, pushing Intel to second.")
    alone = model.probs([pair])
    for others, size in ((_NEIGHBOURS, 64), (_NEIGHBOURS[::-1], 2), (_NEIGHBOURS * 20, 16)):
        mixed = model.probs([*others, pair], batch_size=size)
        assert np.array_equal(mixed[-1], alone[0])
    assert [s.label for s in model.score([pair] * 3)] == [model.score([pair])[0].label] * 3
    # the padded batches of before, for measures only, and back
    with model.padded_batches():
        assert not model.pairwise and not any(r.pairwise for r in model.routes.values())
        model.score([*_NEIGHBOURS, pair])
    assert model.pairwise and all(r.pairwise for r in model.routes.values())



def test_rows_scored_pair_by_pair_carry_their_own_stamp() -> None:
    """``reextract --sentiment-only`` rescores rows whose stamp differs: rows scored in padded batches
    (before round 24) are told apart from rows scored pair by pair."""
    from sinowatch.config import Config
    from sinowatch.scoring import SentimentScorer, load_model

    model = load_model(Config())
    assert model.pairwise
    scorer = SentimentScorer(model, 64, policy_events=True)
    assert scorer.version.startswith(f"sentiment:{model.version}+pairwise+")


def test_padded_batches_stay_one_setting_away() -> None:
    """``sentiment.pairwise = false`` loads the int8 model scoring padded batches (faster; a label may then
    follow its batch), stamped apart from pair-by-pair rows."""
    from sinowatch.config import Config
    from sinowatch.scoring import SentimentScorer, load_model

    config = Config()
    config.sentiment.pairwise = False
    model = load_model(config)
    assert not model.pairwise
    assert "+pairwise" not in SentimentScorer(model, 64).version
    assert load_model(Config()).pairwise  # the default, a separate cached model
