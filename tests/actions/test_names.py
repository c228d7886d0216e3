"""Listed names -> watchlist ids on evidence (sinowatch/official/names.py), both directions: a
firm's units resolve to it, a namesake that shares its brand does not; and the same in the text of
a Federal Register document and through the screening-list stage."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from sinowatch.official.names import NameIndex
from sinowatch.official.stage import fetch_official
from tests.actions.conftest import NOW, article, event, ex, save
from tests.actions.test_official import DATA, _config, _watchlist


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex.from_watchlist(_watchlist())


@pytest.mark.parametrize(("name", "firm"), [
    ("Huawei Technologies Co., Ltd.", "huawei"),  # an exact alias + legal suffix
    ("HUAWEI TECHNOLOGIES CO LTD", "huawei"),
    ("Huawei Cloud Computing Technologies Co., Ltd.", "huawei"),  # brand + descriptors
    ("Hangzhou Huawei Enterprises", "huawei"),  # a place before the brand
    ("Huawei Technologies (Thailand) Co., Ltd.", "huawei"),  # a place in parentheses
    ("Huawei HiSilicon Semiconductor", "huawei"),  # another alias of the same firm
    ("Huawei Research and Development", "huawei"),
    ("Inspur (Beijing) Electronic Information Industry Co., Ltd.", "inspur"),
    ("Inspur Electronic Information Industry Co., Ltd.", "inspur"),
    ("Inspur (Taiwan) Co., Ltd.", "inspur"),
    ("Sugon Information Industry Co., Ltd.", "sugon"),
    ("Alibaba Cloud Computing (Beijing) Co., Ltd.", "alibaba"),
    ("Beijing Sensetime Intelligent Technology Development", None),  # "Development" alone is not a descriptor
    ("SenseTime Intelligent Technology Co., Ltd.", "sensetime"),
    ("Naura Technology Group Co., Ltd.", "naura"),
    ("Semiconductor Manufacturing International Corporation", "smic"),
    ("SMIC Northern Integrated Circuit Manufacturing (Beijing) Co., Ltd.", None),  # "Northern", "Manufacturing"
    ("Baidu Kunlunxin Technology", "kunlunxin"),  # the watchlist's parent relation: the unit, not Baidu
    ("Kunlunxin (Beijing) Technology Co., Ltd.", "kunlunxin"),
    ("华为技术有限公司", "huawei"),
    ("深圳市华为云计算技术有限公司", "huawei"),
    ("北京智谱华章科技有限公司", "zhipu"),
    ("浪潮集团有限公司", "inspur"),
])
def test_units_of_a_firm_resolve_to_it(names: NameIndex, name: str, firm: str | None) -> None:
    assert names.resolve(name) == ((firm,) if firm else ())


@pytest.mark.parametrize("name", [
    "Huawei Marine Networks Co., Ltd.",  # brand + a distinctive business: another firm
    "Huawei Real Estate Co., Ltd.",
    "Huawei Hotel",
    "Inspur Real Estate Co., Ltd.",
    "Cambricon Marine Logistics Co., Ltd.",
    "Global Inspur Trading",  # a word before the brand that is not a place
    "Huawei Technologies (Marine)",  # a parenthesised part that is neither a place nor a descriptor
    "Tencent Music Entertainment",
    "Blackwell Trading",  # a product alias (Nvidia's Blackwell) is no firm's name
    "Tongyi Technology Co., Ltd.",
    "曙光科技有限公司",  # an alias that needs context (曙光: dawn) never names a firm alone
    "华为海洋网络有限公司",  # Huawei Marine Networks in Chinese
    "北方华创置业有限公司",  # 置业: real estate
    "Beijing Zhongke Xinyuan Computing Technology Co., Ltd.",  # no watched brand at all
])
def test_a_namesake_that_shares_a_brand_does_not_resolve(names: NameIndex, name: str) -> None:
    assert names.resolve(name) == ()


def test_a_namesake_is_named_for_the_notes(names: NameIndex) -> None:
    assert names.namesake_of("Inspur Real Estate Co., Ltd.") == "inspur"
    assert names.namesake_of("北方华创置业有限公司") == "naura"
    assert names.namesake_of("Inspur Group Co., Ltd.") is None  # resolves: not a namesake
    assert names.namesake_of("Shenzhen Example Trading Co., Ltd.") is None  # no watched brand


def test_alternative_names_count_and_two_firms_are_none(names: NameIndex) -> None:
    assert names.resolve("Beijing Zhongke Computing", "Sugon Information Industry") == ("sugon",)
    assert names.resolve("Dawning Information Industry Co., Ltd.") == ("sugon",)
    assert names.resolve("Inspur Group", "Sugon") == ()  # contradictory: neither
    assert names.resolve("Inspur Group (Sugon)") == ()  # a parenthesised name of another firm


def test_names_in_federal_register_text(names: NameIndex) -> None:
    firms, namesakes = names.firms_in_text(
        "BIS amends the EAR by adding Huawei Marine Networks Co., Ltd. under the destination of China to the "
        "Entity List.")
    assert firms == () and namesakes == ("Huawei Marine Networks Co., Ltd",)
    # a bare mention of the brand in a document about its namesake does not target the brand either
    assert names.firms_in_text("Huawei Marine Networks, formerly a Huawei joint venture, is added.")[0] == ()
    assert names.firms_in_text("Addition of Huawei Technologies Affiliates to the Entity List")[0] == ("huawei",)
    assert names.firms_in_text("BIS revokes Huawei's licenses; Inspur Group and Sugon are added.")[0] == (
        "huawei", "inspur", "sugon")
    assert names.firms_in_text("the inspur of the moment; an ascending market")[0] == ()  # not capitalised
    assert names.firms_in_text("BIS adds two Huawei-linked trading firms.") == ((), ())  # a modifier


def test_a_namesake_listing_is_not_linked_and_goes_to_discovery(tmp_path, conn, feed_server) -> None:
    """The stage end to end: an Entity List addition of "Inspur Real Estate" three days after the
    Inspur designation does not join its action; a Treasury NS-CMIC addition of Inspur itself is
    another act (not a BIS list) and is stored, not linked."""
    cfg = _config(tmp_path, feed_server)
    save(conn, [article("en1", "Commerce adds six Inspur Group units to Entity List")], [ex("en1", event())])
    fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW, only=["csl"])  # the baseline
    base = json.loads((DATA / "csl_1.json").read_text())
    el = "Entity List (EL) - Bureau of Industry and Security"
    base["results"] += [
        {"id": "el-90", "source": el, "name": "Inspur Real Estate Co., Ltd.", "addresses": [{"country": "CN"}],
         "federal_register_notice": "91 FR 50999", "start_date": (NOW + timedelta(days=3)).date().isoformat()},
        {"id": "cmic-1", "source": "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC) - "
         "Treasury Department", "name": "Inspur Group Co., Ltd.", "addresses": [{"country": "CN"}],
         "start_date": NOW.date().isoformat()}]
    feed_server.routes["/csl/consolidated.json"] = json.dumps(base).encode()
    stats = fetch_official(cfg, conn, watchlist=_watchlist(), now=NOW + timedelta(days=3), only=["csl"])
    assert stats.errors == [] and stats.added == 2
    assert (stats.linked, stats.started) == (0, 0)
    assert conn.execute("SELECT count(*) FROM action_records").fetchone()[0] == 0
    assert conn.execute("SELECT name FROM entity_candidates WHERE extractor_version = 'screening-list'").fetchall() == [
        ("Inspur Real Estate Co., Ltd.",)]
    assert any("NS-CMIC" in n and "not linked" in n for n in stats.notes)
    assert any("'Inspur Real Estate Co., Ltd.' carries the brand of inspur but names another business" in n
               for n in stats.notes)
    entities = dict(conn.execute("SELECT name, entities FROM csl_entries").fetchall())
    assert entities["Inspur Real Estate Co., Ltd."] == [] and entities["Inspur Group Co., Ltd."] == ["inspur"]
