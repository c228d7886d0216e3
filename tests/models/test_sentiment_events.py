"""Issue #19, round 5: the event layer (policy.py) in the pipeline and in eval-sentiment, the
validation pairs it was chosen on, and ``eval-sentiment --beat``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sinowatch.records import Document, Event, Sentiment

ROOT = Path(__file__).resolve().parents[2]
SENT_DIR = ROOT / "models" / "sentiment"
SENTIMENT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
needs_data = pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason=f"shared data sets absent ({SENTIMENT_DATA})")


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.eval_events import pipeline_extractor

    return pipeline_extractor()  # as the pipeline runs it (rules + event classifier by default)


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.runtime import SentimentModel

    return SentimentModel.load()


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ev(type_: str, status: str, targets: tuple[str, ...] = (), actor: str | None = None,
        confidence: float = 0.95) -> Event:
    return Event(type=type_, confidence=confidence, sentence="s", entities=targets, actor=actor,
                 targets=targets, status=status, field="title")


def test_stance_follows_type_status_and_role() -> None:
    from sinowatch.models.sentiment.policy import EventRule, stance

    rule = EventRule(min_confidence=0.9, keep_margin=2.0, actors_neutral=True, growth=True)
    listing = _ev("entity_list", "enacted", ("inspur",), actor="us-commerce")
    assert stance("inspur", [listing], rule) == "negative"
    assert stance("inspur", [_ev("export_control", "proposed", ("inspur",))], rule) == "negative"
    assert stance("inspur", [_ev("entity_list", "reversed", ("inspur",))], rule) == "positive"
    assert stance("us-commerce", [listing], rule) == "neutral"
    assert stance("inspur", [_ev("entity_list", "background", ("inspur",))], rule) is None  # left to the model
    assert stance("nvidia", [listing], rule) is None  # not named by the event
    assert stance("inspur", [_ev("entity_list", "enacted", ("inspur",), confidence=0.85)], rule) is None
    # a new curb and a reversal for the same firm in one context: no stance
    assert stance("inspur", [listing, _ev("tariff", "reversed", ("inspur",))], rule) is None
    assert stance("baidu", [_ev("model_release", "enacted", ("baidu",))], rule) == "positive"
    assert stance("baidu", [_ev("model_release", "enacted", ("baidu",))], EventRule(growth=False)) is None
    assert stance("us-commerce", [listing], EventRule(actors_neutral=False)) is None


def test_combine_overrides_unless_the_model_is_confident_of_the_opposite() -> None:
    from sinowatch.models.sentiment.policy import EventRule, combine

    rule = EventRule(keep_margin=0.7)
    pos = Sentiment("positive", 0.9)
    assert combine(pos, "negative", rule) == pos  # "shrug off curbs": the model keeps it
    weak = combine(Sentiment("positive", 0.3), "negative", rule)
    assert weak.label == "negative" and weak.score <= -0.5  # roll-ups follow the label
    assert combine(Sentiment("neutral", 0.1), "positive", rule).label == "positive"
    assert combine(Sentiment("negative", -0.4), "neutral", rule) == Sentiment("neutral", 0.0)
    assert combine(Sentiment("negative", -0.9), "neutral", rule).label == "negative"
    assert combine(pos, None, rule) is pos
    assert combine(pos, "negative", EventRule(keep_margin=2.0)).label == "negative"


def test_pipeline_applies_the_layer_to_mentions_and_roll_ups(extractor, model) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.aggregate import apply_sentiment
    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, context_events

    doc = Document(id="a", title="U.S. Commerce Department adds Inspur to the Entity List",
                   text="The Commerce Department said Inspur would need licences to buy American chips.")
    (ex,) = extractor.extract([doc])
    assert any(e.type == "entity_list" and "inspur" in e.targets for e in ex.events)
    (plain,) = apply_sentiment([doc], [ex], model)
    (layered,) = apply_sentiment([doc], [ex], model, rule=SHIPPED_RULE)
    for m0, m1 in zip(plain.mentions, layered.mentions, strict=True):
        assert m0.sentiment is not None and m1.sentiment is not None
        want = adjust(m0.sentiment, m0.entity, context_events(ex.events, m0.field, m0.sentence), SHIPPED_RULE,
                      m0.kind)
        assert m1.sentiment == want
    inspur = [m for m in layered.mentions if m.entity == "inspur"]
    assert inspur and all(m.sentiment is not None and m.sentiment.label == "negative" for m in inspur)
    ent = {e.entity: e.sentiment for e in layered.entities}
    assert ent["inspur"] is not None and ent["inspur"].label == "negative"
    # the acting agency is neutral (bodies_neutral, round 7), whatever the model says
    commerce = [m for m in layered.mentions if m.entity == "us-commerce"]
    assert commerce and all(m.sentiment is not None and m.sentiment.label == "neutral" for m in commerce)
    # an article without events is scored by the model alone
    calm = Document(id="b", title="Inspur shareholders meet in Jinan", text="")
    (ex_calm,) = extractor.extract([calm])
    assert not ex_calm.events
    assert apply_sentiment([calm], [ex_calm], model, rule=SHIPPED_RULE) == apply_sentiment([calm], [ex_calm], model)


def test_bodies_are_neutral_whatever_the_events_only_with_the_switch() -> None:
    """Round 7: governments, agencies and policy instruments act; they do not take the news
    (GUIDELINE.md). Companies keep the event layer's stances."""
    from sinowatch.models.sentiment.policy import BODY_KINDS, EventRule, adjust, stance

    ev = Event(type="entity_list", confidence=0.95, sentence="BIS adds Inspur.", entities=("bis", "inspur"),
               actor="bis", targets=("inspur",), status="enacted")
    on, off = EventRule(0.9, 2.0, False, True, True), EventRule(0.9, 2.0, False, True, False)
    assert {"agency", "policy", "government"} == set(BODY_KINDS)
    assert adjust(Sentiment("negative", -0.9), "bis", [ev], on, "agency").label == "neutral"
    assert adjust(Sentiment("positive", 0.8), "chips-act", [], on, "policy").label == "neutral"
    assert adjust(Sentiment("negative", -0.9), "bis", [ev], off, "agency").label == "negative"
    assert stance("inspur", [ev], on, "company") == "negative"
    assert on.tag.endswith("n") and not off.tag.endswith("n")


def test_market_moves_give_their_direction_only_with_the_switch() -> None:
    from sinowatch.models.sentiment.policy import EventRule, direction, stance

    def move(sentence: str, targets: tuple[str, ...] = ("sugon",)) -> Event:
        return Event(type="market_move", confidence=0.93, sentence=sentence, entities=targets, actor=None,
                     targets=targets, status="enacted")

    on, off = EventRule(0.9, 2.0, False, True, True, True), EventRule(0.9, 2.0, False, True, True, False)
    assert direction("Shares of Sugon jumped 10% on Monday.") == "positive"
    assert direction("中科曙光、浪潮信息等算力股集体大涨。") == "positive"
    assert direction("寒武纪股价盘中暴跌逾9%。") == "negative"
    assert direction("Sugon rose 3% while Inspur fell 2%.") is None  # both: no vote
    assert stance("sugon", [move("中科曙光股价大涨。")], on, "company") == "positive"
    assert stance("sugon", [move("中科曙光股价大涨。")], off, "company") is None
    assert stance("inspur", [move("中科曙光股价大涨。")], on, "company") is None  # not its target
    assert on.tag.endswith("nm")


def test_eval_contexts_read_a_government_as_a_government(extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.data import Example
    from sinowatch.models.sentiment.eval_events import contexts

    rows = [Example("Beijing", "Beijing orders offices to replace foreign PCs | The plan hits Intel.", "neutral", "t"),
            Example("美方", "美方宣布对华加征关税 | 多家企业受影响。", "neutral", "t")]
    got = contexts(rows, extractor)
    assert [(g[0], g[2]) for g in got] == [("cn-gov", "government"), ("us-gov", "government")]


def test_context_events_are_the_headline_and_the_mention_sentence() -> None:
    from sinowatch.models.sentiment.policy import context_events

    head = Event("tariff", 0.9, "H", ("smic",), field="title", status="enacted")
    mine = Event("entity_list", 0.9, "Body one.", ("smic",), field="text", status="enacted")
    other = Event("investment", 0.9, "Body two.", ("smic",), field="text", status="enacted")
    assert context_events([head, mine, other], "title", "H") == [head]
    assert context_events([head, mine, other], "text", "Body one.") == [head, mine]


def test_scorer_stamps_rows_with_the_layer(tmp_path: Path) -> None:
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    from sinowatch.config import Config
    from sinowatch.scoring import make_scorer

    on = Config()
    scorer = make_scorer(on)
    assert scorer is not None and scorer.rule == SHIPPED_RULE
    assert scorer.version.endswith("+" + SHIPPED_RULE.tag)
    off = Config()
    off.sentiment.policy_events = False
    plain = make_scorer(off)
    assert plain is not None and plain.rule is None and "+ev" not in plain.version


def test_eval_contexts_take_the_lead_mention_as_the_pipeline_would(extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.data import Example
    from sinowatch.models.sentiment.eval_events import contexts, document_of

    d = document_of("Nvidia shares slip | Washington adds Inspur to the Entity List.")
    assert (d.title, d.text) == ("Nvidia shares slip", "Washington adds Inspur to the Entity List.")
    assert document_of("Only a headline").text == ""
    rows = [Example("Inspur", "Nvidia shares slip | Washington adds Inspur to the Entity List.", "negative", "t"),
            Example("Zhejiang Widgets", "Zhejiang Widgets opens a plant | It hires 200.", "neutral", "t")]
    (ent, evs, _kind, text, mention), (none, no_evs, _none_kind, _t, _m) = contexts(rows, extractor)
    assert text == rows[0].text and mention == "Inspur"
    assert ent == "inspur" and any(e.type == "entity_list" and e.field == "text" for e in evs)
    assert none is None and no_evs == ()


def test_validation_pairs_share_no_event_or_text_with_test_or_training() -> None:
    val = _rows(SENT_DIR / "validation_beat.jsonl")
    assert len(val) >= 50 and sum(r["lang"] == "zh" for r in val) >= 15
    key = lambda e: e.split("-", 1)[1]  # noqa: E731
    test = _rows(ROOT / "tests" / "data" / "sentiment_beat.jsonl")
    train = _rows(SENT_DIR / "domain_train_beat.jsonl")
    assert all(r["event"].startswith("va-20") for r in val)
    assert not {key(r["event"]) for r in val} & ({key(r["event"]) for r in test} | {key(r["event"]) for r in train})
    others = {r["text"].strip().lower() for f in (SENT_DIR / "domain_train.jsonl",) for r in _rows(f)}
    others |= {p.strip().lower() for r in test + train for p in (r["text"], r.get("headline", ""), r.get("lead", "")) if p}
    for r in val:
        assert r["text"] == f"{r['headline']} | {r['lead']}"
        assert r["mention"].lower() in r["text"].lower()
        assert r["label"] in ("positive", "negative", "neutral")
        for part in (r["text"], r["headline"], r["lead"]):
            assert part.strip().lower() not in others, part


def test_validation_pairs_are_not_training_rows() -> None:
    from sinowatch.models.sentiment.data import DOMAIN_TRAIN_FILES

    assert SENT_DIR / "validation_beat.jsonl" not in DOMAIN_TRAIN_FILES


def _beat_file(path: Path) -> Path:
    rows = [
        {"text": "US adds Inspur to Entity List | Inspur will need licences to buy US chips.", "mention": "Inspur",
         "label": "negative", "topic": "policy", "lang": "en"},
        {"text": "浪潮被列入实体清单 | 美国商务部将浪潮列入实体清单。", "mention": "浪潮", "label": "negative",
         "topic": "policy", "lang": "zh"},
        {"text": "Baidu releases Ernie 5 | Baidu's new model family tops Chinese benchmarks.", "mention": "Baidu",
         "label": "positive", "topic": "market", "lang": "en"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@needs_data
@pytest.mark.slow
def test_eval_sentiment_scores_another_beat_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    beat = _beat_file(tmp_path / "beat.jsonl")
    r = CliRunner().invoke(app, ["eval-sentiment", "--data", str(SENTIMENT_DATA), "--beat", str(beat),
                                 "--no-baselines", "--fp32", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    assert "beat: " in r.output and "/3 = " in r.output
    assert "beat_policy: " in r.output and "/2 = " in r.output
    assert "beat_zh: " in r.output and "/1 = " in r.output
    assert "blind re-labelling" not in r.output  # that agreement belongs to the bundled beat set


@needs_data
@pytest.mark.parametrize("content, says", [
    ("not json\n", "not JSON"),
    ('{"text": "a | b", "label": "good", "mention": "a"}\n', "is not positive"),
    ('{"label": "positive", "mention": "a"}\n', "missing text"),
    ("", "no pairs"),
])
def test_eval_sentiment_rejects_a_bad_beat_file_in_one_line(tmp_path: Path, content: str, says: str) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "sinowatch.cli", "eval-sentiment", "--data", str(SENTIMENT_DATA),
                        "--beat", str(bad), "--no-baselines"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    assert says in r.stderr and str(bad) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr  # one line, no traceback


def test_chinese_cues_vote_only_with_the_switch_and_for_firms() -> None:
    """Round 8: a mention in a Chinese context that no event gives a stance takes the polarity of the
    beat's evaluative words in its own clauses (else the whole context); a firm named right before a
    launch verb is positive unless the context holds bad news; English contexts get no vote."""
    from sinowatch.models.sentiment.policy import SHIPPED_RULE, EventRule, adjust, cue_stance

    assert cue_stance("“十五五”规划提出攻关芯片 | 分析人士认为中芯国际等厂商将长期受益。", "中芯国际") == "positive"
    assert cue_stance("某公司港股上市首日破发 | 收盘下跌2%。", "某公司") == "negative"
    # the clause that names the mention decides: the rival's gain is not the loser's
    both = "三星利润预计大降五成 | 存货减值拖累业绩，而SK海力士凭借HBM有望再创利润新高。"
    assert cue_stance(both, "三星") == "negative" and cue_stance(both, "SK海力士") == "positive"
    assert cue_stance("宇树科技发布新款机器狗 | 售价下探至万元以内。", "宇树科技") == "positive"
    assert cue_stance("百度发布新模型 | 市场反应平淡，股价盘中大跌。", "百度") == "negative"
    # a restriction lifted counts for the firm, a reprieve taken back against it
    assert cue_stance("法院叫停对小米的投资禁令 | 裁定暂停执行。", "小米") == "positive"
    assert cue_stance("美方撤销三星在华工厂豁免 | 设备进口须逐案申请许可。", "三星") == "negative"
    assert cue_stance("Samsung profit halves | Memory prices fell.", "Samsung") is None
    assert cue_stance("某公司召开股东大会 | 会议审议年度报告。", "某公司") is None
    neg = Sentiment("negative", -0.9)
    on, off = EventRule(0.9, 2.0, False, True, True, False, True), EventRule(0.9, 2.0, False, True, True, False, False)
    text = "多地补贴使用国产AI芯片的数据中心 | 寒武纪等厂商有望受益。"
    assert adjust(neg, "cambricon", [], on, "company", context=text, mention="寒武纪").label == "positive"
    assert adjust(neg, "cambricon", [], off, "company", context=text, mention="寒武纪").label == "negative"
    # bodies stay neutral; an event's stance comes first
    assert adjust(neg, "miit", [], on, "agency", context=text, mention="工信部").label == "neutral"
    ev = Event(type="entity_list", confidence=0.95, sentence="美方将寒武纪列入实体清单。", entities=("cambricon",),
               actor="us-gov", targets=("cambricon",), status="enacted")
    assert adjust(Sentiment("positive", 0.9), "cambricon", [ev], on, "company", context=text,
                  mention="寒武纪").label == "negative"
    assert "c" in on.tag and "c" not in off.tag
    assert not SHIPPED_RULE.cues  # round 15: the Chinese route's model reads these cues itself


def test_the_pipeline_gives_chinese_cues_to_mentions(extractor, model) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.models.sentiment.aggregate import apply_sentiment
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    doc = Document(id="z", title="分析人士称寒武纪将长期受益", text="多地出台算力补贴政策，寒武纪等国产芯片厂商订单有望增长。", lang="zh")
    (ex,) = extractor.extract([doc])
    import dataclasses

    (layered,) = apply_sentiment([doc], [ex], model, rule=dataclasses.replace(SHIPPED_RULE, cues=True))
    cam = [m for m in layered.mentions if m.entity == "cambricon"]
    assert cam and all(m.sentiment is not None and m.sentiment.label == "positive" for m in cam)


def test_bystanders_of_another_firms_launch_are_neutral_only_with_the_switch() -> None:
    """Round 9: a firm that no event or cue gives a stance, beside a confident launch whose targets
    leave it out, is merely mentioned (GUIDELINE.md: a rival's gain is neutral for it)."""
    from sinowatch.models.sentiment.policy import EventRule, adjust, launched_by_other

    launch = _ev("chip_launch", "enacted", ("cxmt",))
    assert launched_by_other("samsung", [launch], EventRule(0.9))
    assert not launched_by_other("cxmt", [launch], EventRule(0.9))  # the launcher itself
    assert not launched_by_other("samsung", [_ev("chip_launch", "enacted", ("cxmt",), confidence=0.7)], EventRule(0.9))
    assert not launched_by_other("samsung", [_ev("entity_list", "enacted", ("cxmt",))], EventRule(0.9))
    on = EventRule(0.9, 2.0, False, True, True, False, False, True)
    off = EventRule(0.9, 2.0, False, True, True, False, False, False)
    neg = Sentiment("negative", -0.9)
    text = "CXMT launches LPDDR5 memory chips | A market led by Samsung and Micron."
    assert adjust(neg, "samsung", [launch], on, "company", context=text, mention="Samsung").label == "neutral"
    assert adjust(neg, "samsung", [launch], off, "company", context=text, mention="Samsung").label == "negative"
    # the launcher takes the launch's good news either way
    assert adjust(neg, "cxmt", [launch], on, "company", context=text, mention="CXMT").label == "positive"
    assert on.tag.endswith("b") and not off.tag.endswith("b")


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Regulator's 5G rules stop short of banning Huawei | Checks apply to all vendors.", "Huawei", "positive"),
    ("Auction rules approved without barring ZTE | No limits on equipment suppliers.", "ZTE", "positive"),
    ("Court blocks the ban on Tencent's WeChat | The injunction came hours before it.", "Tencent", "positive"),
    ("Ministry allows Xiaomi to keep selling phones | The review found no breach.", "Xiaomi", "positive"),
    ("某国5G安全规则未排除中兴 | 要求适用于所有设备商。", "中兴", "positive"),
    ("某国邀请华为参与5G试验 | 政府决定所有设备商均可申请。", "华为", "positive"),
    ("US bans Huawei gear | The FCC barred Huawei from its subsidy fund.", "Huawei", None),
    ("某国5G试验名单公布 华为未获参与 | 合作伙伴中没有中国设备商。", "华为", None),
])
def test_a_restriction_withheld_is_good_news(context: str, mention: str, expected: str | None) -> None:
    """Round 9: the averted switch: a regulator that stops short of banning a firm, does not exclude it,
    lets it take part or has its ban blocked gives the firm good news (GUIDELINE.md)."""
    from sinowatch.models.sentiment.policy import EventRule, adjust, averted_stance

    assert averted_stance(context, mention) == expected
    if expected:
        on = EventRule(0.9, 2.0, False, True, True, False, False, False, True)
        off = EventRule(0.9, 2.0, False, True, True, False, False, False, False)
        neg = Sentiment("negative", -0.9)
        assert adjust(neg, "x", [], on, "company", context=context, mention=mention).label == "positive"
        assert adjust(neg, "x", [], off, "company", context=context, mention=mention).label == "negative"
        assert adjust(neg, "x", [], on, "agency", context=context, mention=mention).label == "neutral"  # bodies stay neutral
        assert on.tag.endswith("v")


def test_eval_contexts_read_the_pairs_own_entity_id(extractor) -> None:  # type: ignore[no-untyped-def]
    """Round 10: a writer's mention that is no watchlist alias is read by the pair's ``entity`` id, as
    the pipeline scores every mention with its id: the extractor's mention of that id (with its
    events), else a body by its watchlist kind; a firm the text never names keeps the model's label."""
    from sinowatch.models.sentiment.data import Example
    from sinowatch.models.sentiment.eval_events import contexts

    text = "Washington adds Yangtze Memory Technologies to the Entity List | The flash maker loses U.S. tools."
    rows = [Example("Yangtze Memory Co", text, "negative", "t", "ymtc"),
            Example("Defense officials", "Pentagon orders base stores to stop selling Huawei phones | Defense "
                    "officials cite risks.", "neutral", "t", "us-gov"),
            Example("Defense officials", "Pentagon orders base stores to stop selling Huawei phones | Defense "
                    "officials cite risks.", "neutral", "t"),
            Example("Acme Widgets", "Acme Widgets opens a plant | It hires 200.", "neutral", "t", "ymtc")]
    by_id, body, no_id, absent = contexts(rows, extractor)
    assert by_id[0] == "ymtc" and by_id[4] == "Yangtze Memory Technologies"
    assert any(e.type == "entity_list" for e in by_id[1])
    assert (body[0], body[1], body[2]) == ("us-gov", (), "government")
    assert no_id[0] is None  # without the id, as before
    assert absent[0] is None  # a firm id the text never names: the model's label stands


def test_a_body_read_by_its_id_is_neutral_with_the_shipped_rule() -> None:
    from sinowatch.models.sentiment.eval_events import adjusted
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    neg = Sentiment(label="negative", score=-0.9)
    ctx = [("us-gov", (), "government", "Pentagon orders stores to stop selling Huawei phones | x", "Defense officials")]
    assert adjusted([neg], ctx, SHIPPED_RULE)[0].label == "neutral"
    assert adjusted([neg], ctx, None)[0].label == "negative"


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("Huawei unveils two AI chips, taking aim at a market led by Nvidia | The 910 ships next year.", "Nvidia", True),
    ("A Shanghai GPU designer soars on its debut as investors chase China's Nvidia rival | x", "Nvidia", True),
    ("A start-up releases a coding model with scores close to OpenAI's best | x", "OpenAI", True),
    ("一家国产GPU企业登陆科创板 | 被市场视为对标英伟达的代表企业之一。", "英伟达", True),
    ("英特尔发布新芯片 | 英特尔希望以这款芯片与英伟达竞争，争取订单。", "英伟达", True),
    # a loss tied to the entity is no comparison (GUIDELINE.md: "takes share from Nvidia" -> negative)
    ("Huawei's Ascend takes share from Nvidia at Chinese clouds", "Nvidia", False),
    ("国产芯片加速取代英伟达", "英伟达", False),
    ("US requires licences for Nvidia's H20 sales to China", "Nvidia", False),
    ("美国对华为和中兴实施制裁", "中兴", False),
])
def test_a_rival_named_for_comparison(context: str, mention: str, expected: bool) -> None:
    from sinowatch.models.sentiment.policy import compared_with

    assert compared_with(context, mention) is expected


def test_compared_is_neutral_only_with_the_switch_and_policy_acts_still_count() -> None:
    from dataclasses import replace

    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust

    on, off = SHIPPED_RULE, replace(SHIPPED_RULE, compared=False)
    pos = Sentiment(label="positive", score=0.6)
    launch = _ev("chip_launch", "enacted", ("huawei", "nvidia"))
    ctx = "Huawei unveils two AI chips, taking aim at a market led by Nvidia | x"
    # growth gives every target of the launch good news; the yardstick is neutral with the switch
    assert adjust(pos, "nvidia", [launch], off, "company", context=ctx, mention="Nvidia").label == "positive"
    assert adjust(pos, "nvidia", [launch], on, "company", context=ctx, mention="Nvidia").label == "neutral"
    assert adjust(pos, "huawei", [launch], on, "company", context=ctx, mention="Huawei").label == "positive"
    # a restriction on the compared firm still gives its stance
    curb = _ev("export_control", "enacted", ("nvidia",))
    assert adjust(pos, "nvidia", [launch, curb], on, "company", context=ctx, mention="Nvidia").label == "negative"
    assert SHIPPED_RULE.compared and "r" in on.tag.removeprefix("ev0.9k2") and "r" not in off.tag.removeprefix("ev0.9k2")


@pytest.mark.parametrize(("context", "expected"), [
    ("Samsung posts record quarterly revenue but profit misses | Operating profit rose 12%, short of forecasts.", True),
    ("三星二季度营收创新高 利润逊于预期 | 手机和电脑需求放缓。", False),  # no contrast word, no word of balance
    ("三星二季度营收创新高 但利润逊于预期 | 手机和电脑需求放缓。", True),
    ("台积电三季度净利润大增 下调资本开支 | 业绩亮眼与需求降温并存。", True),
    ("Baidu's revenue dips as ad sales and cloud growth offset each other | x", True),
    ("SK Hynix books a record annual profit on AI memory demand | Sales of HBM to Nvidia surged.", False),
    ("Alibaba's revenue slumps as competition bites | Net income fell by half.", False),
    # a contrast of gain and loss outside results is not this switch's
    ("Intel wins a China licence but loses its largest Chinese client", False),
])
def test_mixed_results_need_results_stated_both_ways(context: str, expected: bool) -> None:
    """Round 20: the ``mixed`` switch reads results that cut both ways (GUIDELINE.md, "Balanced")."""
    from sinowatch.models.sentiment.policy import mixed_results

    assert mixed_results(context) is expected


def test_mixed_results_are_neutral_only_with_the_switch_and_events_still_count() -> None:
    from dataclasses import replace

    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust

    on, off = replace(SHIPPED_RULE, mixed=True), SHIPPED_RULE
    pos = Sentiment("positive", 0.8)
    ctx = "Samsung posts record quarterly revenue but profit misses | Demand for phones softened."
    assert adjust(pos, "samsung", [], on, "company", context=ctx, mention="Samsung").label == "neutral"
    assert adjust(pos, "samsung", [], off, "company", context=ctx, mention="Samsung").label == "positive"
    # a restrictive act on the firm gives its stance first
    curb = _ev("export_control", "enacted", ("samsung",))
    assert adjust(pos, "samsung", [curb], on, "company", context=ctx, mention="Samsung").label == "negative"
    assert "x" in on.tag and "x" not in off.tag


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("SK Hynix books a record annual profit on AI memory demand | Sales of HBM to Nvidia surged.", "Nvidia", True),
    ("SK Hynix books a record annual profit on AI memory demand | Sales of HBM to Nvidia surged.", "SK Hynix", False),
    ("TSMC's profit falls but beats forecasts | Orders for the processors it makes for Nvidia held up.", "Nvidia", True),
    ("SK海力士2024年营业利润创历史新高 | 受益于向英伟达供应高带宽内存。", "英伟达", True),
    ("中芯国际去年营收增速超过台积电 | 国产芯片需求强劲。", "台积电", True),
    ("中芯国际去年营收增速超过台积电 | 国产芯片需求强劲。", "中芯国际", False),
    # no word of results in the headline: not this switch's
    ("US bans Nvidia chip sales to China | Commerce cited national security.", "Nvidia", False),
    ("Huawei launches Ascend chips | A market led by Nvidia.", "Nvidia", False),
])
def test_a_firm_named_in_another_firms_results(context: str, mention: str, expected: bool) -> None:
    """Round 20: the ``results`` switch: a firm the headline names after its first word of results (or
    only the lead names) is a bystander of another firm's results (GUIDELINE.md, "A rival's gain")."""
    from sinowatch.models.sentiment.policy import results_bystander

    assert results_bystander(context, mention) is expected


def test_results_bystanders_are_neutral_only_with_the_switch_and_policy_acts_still_count() -> None:
    from dataclasses import replace

    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust

    on, off = SHIPPED_RULE, replace(SHIPPED_RULE, results=False)  # on in the shipped setting since round 20
    pos = Sentiment("positive", 0.9)
    ctx = "SK Hynix books a record annual profit | Sales of high-bandwidth memory to Nvidia surged."
    move = Event(type="market_move", confidence=0.95, sentence=ctx.split(" | ")[1], entities=("hbm", "nvidia"),
                 targets=("hbm", "nvidia"), status="enacted")  # "surged": the moves switch votes positive
    assert adjust(pos, "nvidia", [move], off, "company", context=ctx, mention="Nvidia").label == "positive"
    assert adjust(pos, "nvidia", [move], on, "company", context=ctx, mention="Nvidia").label == "neutral"
    curb = _ev("export_control", "enacted", ("nvidia",))
    assert adjust(pos, "nvidia", [move, curb], on, "company", context=ctx, mention="Nvidia").label == "negative"
    assert "o" in on.tag.removeprefix("ev0.9k2") and "o" not in off.tag.removeprefix("ev0.9k2")


@pytest.mark.parametrize(("context", "mention", "expected"), [
    ("US judge acquits Fujian Jinhua | The verdict is a rare courtroom defeat for the Justice Department.",
     "Justice Department", True),
    ("Washington fails to win an EU-wide Huawei ban | Brussels opts for national reviews.", "Washington", True),
    ("美国法院裁定福建晋华罪名不成立 | 美国司法部提起的起诉以败诉告终。", "美国司法部", True),
    ("美方游说欧洲盟友排除华为未果 | 欧盟让各国自行评估。", "美方", True),
    ("Commerce Department adds 140 firms to the Entity List | The rule takes effect today.", "Commerce Department", False),
    ("商务部对美国芯片发起反倾销调查 | 调查将持续一年。", "商务部", False),
])
def test_a_bodys_own_setback(context: str, mention: str, expected: bool) -> None:
    """Round 20: the ``setbacks`` switch (GUIDELINE.md: a regulator is neutral "unless the text is
    about its own gain or setback")."""
    from dataclasses import replace

    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, body_setback

    assert body_setback(context, mention) is expected
    neutral = Sentiment("neutral", 0.0)
    on, off = SHIPPED_RULE, replace(SHIPPED_RULE, setbacks=False)  # on in the shipped setting since round 20
    assert adjust(neutral, "us-gov", [], on, "agency", context=context, mention=mention).label == (
        "negative" if expected else "neutral")
    assert adjust(neutral, "us-gov", [], off, "agency", context=context, mention=mention).label == "neutral"
    # firms are not bodies: the switch leaves them to the rest of the layer
    assert adjust(neutral, "x", [], on, "company", context=context, mention=mention).label == "neutral"


def test_round20_grid_is_the_shipped_setting_with_each_combination_of_the_switches() -> None:
    from dataclasses import replace

    from sinowatch.models.sentiment.eval_events import around
    from sinowatch.models.sentiment.policy import SHIPPED_RULE

    # round 20's choice, before round 22's, round 23's and round 36's switches
    round20 = replace(SHIPPED_RULE, peers=False, lost=False, licences=False, outlook=False, relief=False, blows=False,
                      boosts=False, averted_first=False)
    before = replace(round20, results=False, setbacks=False)  # round 20's baseline, `ev0.9k2nmbvr`
    grid = around(before, ["mixed", "results", "setbacks"])
    assert len(grid) == 8 and len(set(grid)) == 8
    assert grid[0] == before and before.tag == "ev0.9k2nmbvr"  # fewest switches first: ties go to the baseline
    assert round20 in grid and round20.tag == "ev0.9k2nmbvros"  # the setting round 20's rule chose
    assert [sum((r.mixed, r.results, r.setbacks)) for r in grid] == [0, 1, 1, 1, 2, 2, 2, 3]
    assert all(r.min_confidence == SHIPPED_RULE.min_confidence and r.compared for r in grid)


def test_the_sole_target_of_a_headlines_market_move_owns_the_results() -> None:
    """Round 20: the results switch leaves the owner of the results alone when the pair names it by an alias the
    headline does not write ("AMD预告..." with 超威半导体 in the lead); a move naming several firms says no owner."""
    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, owns_results

    head = Event(type="market_move", confidence=0.95, sentence="AMD预告三季度营收较指引减少", entities=("amd",),
                 targets=("amd",), status="enacted", field="title")
    both = Event(type="market_move", confidence=0.95, sentence="中芯国际去年营收增速超过台积电", entities=("smic", "tsmc"),
                 targets=("smic", "tsmc"), status="enacted", field="title")
    assert owns_results("amd", [head]) and not owns_results("tsmc", [both]) and not owns_results("nvidia", [head])
    neg = Sentiment("negative", -0.9)
    ctx = "AMD预告三季度营收较指引减少约10亿美元 | 超威半导体称个人电脑需求疲弱。"
    assert adjust(neg, "amd", [head], SHIPPED_RULE, "company", context=ctx, mention="超威半导体").label == "negative"
    ctx2 = "中芯国际去年营收增速超过台积电 | 国产芯片需求强劲。"
    pos = Sentiment("positive", 0.7)
    assert adjust(pos, "tsmc", [both], SHIPPED_RULE, "company", context=ctx2, mention="台积电").label == "neutral"


def test_bystanders_of_another_firms_deal_are_neutral_only_with_the_switch() -> None:
    """Round 20: the deals switch (off in the shipped setting: it gained nothing on V)."""
    from dataclasses import replace

    from sinowatch.models.sentiment.policy import SHIPPED_RULE, adjust, dealt_by_other

    pledge = _ev("investment", "enacted", ("samsung",))
    assert dealt_by_other("tsmc", [pledge], SHIPPED_RULE) and not dealt_by_other("samsung", [pledge], SHIPPED_RULE)
    assert not SHIPPED_RULE.deals
    on = replace(SHIPPED_RULE, deals=True)
    pos = Sentiment("positive", 0.9)
    ctx = "Samsung pledges 133 trillion won for logic chips | TSMC and Intel set the pace in foundry work."
    assert adjust(pos, "tsmc", [pledge], on, "company", context=ctx, mention="TSMC").label == "neutral"
    assert adjust(pos, "tsmc", [pledge], SHIPPED_RULE, "company", context=ctx, mention="TSMC").label == "positive"
    assert "d" in on.tag.removeprefix("ev0.9k2nmbvros") and "d" not in SHIPPED_RULE.tag.removeprefix("ev0.9k2nmbvros")
