"""Near-duplicate clustering on realistic syndicated pairs and on distinct stories about one firm."""

from __future__ import annotations

import random

from sinowatch.ingest.dedup import THRESHOLD, ClusterIndex, signature, similarity

ORIGINAL = (
    "US adds 14 Chinese chip firms to Entity List over military links\n"
    "The U.S. Commerce Department on Tuesday added 14 Chinese companies, including two units of Inspur "
    "and the chip designer Sugon, to its Entity List, restricting their access to American technology. "
    "The Bureau of Industry and Security said the companies had supported China's military modernisation. "
    "Inspur said it was studying the decision and would protect its legitimate rights."
)
SYNDICATED = [
    # wire copy with a source suffix and a trimmed last sentence
    "US adds 14 Chinese chip firms to Entity List over military links - Reuters\n"
    "The U.S. Commerce Department on Tuesday added 14 Chinese companies, including two units of Inspur "
    "and the chip designer Sugon, to its Entity List, restricting their access to American technology. "
    "The Bureau of Industry and Security said the companies had supported China's military modernisation.",
    # edited headline, one word swapped in the body
    "U.S. puts 14 Chinese chip companies on Entity List citing military ties\n"
    "The U.S. Commerce Department on Tuesday added 14 Chinese firms, including two units of Inspur "
    "and the chip designer Sugon, to its Entity List, restricting their access to American technology. "
    "The Bureau of Industry and Security said the companies had supported China's military modernisation. "
    "Inspur said it was studying the decision and would protect its legitimate rights.",
]
DISTINCT_SAME_FIRM = [
    "Inspur reports 20% rise in server revenue on AI demand\n"
    "Inspur Electronic Information said on Tuesday its third-quarter server revenue rose 20% as Chinese "
    "internet companies bought more AI servers. The company raised its full-year outlook.",
    "Inspur to build new AI server plant in Jinan\n"
    "Inspur will invest 3 billion yuan in a new factory in Jinan to assemble AI servers, the company said "
    "on Tuesday, adding that production would start next year.",
    "Sugon unveils liquid-cooled supercomputer for Chinese research labs\n"
    "Sugon on Tuesday showed a liquid-cooled supercomputer aimed at national laboratories, saying it "
    "uses domestic processors from Hygon.",
]
ZH_ORIGINAL = "美国商务部将14家中国芯片企业列入实体清单。美国商务部周二表示，浪潮的两家子公司和曙光被列入实体清单，限制其获取美国技术。"
ZH_COPY = "美国将14家中国芯片企业列入实体清单。美国商务部周二表示，浪潮的两家子公司和曙光被列入实体清单，限制其获取美国技术。"
ZH_OTHER = "浪潮信息第三季度服务器收入增长20%，公司表示国内互联网企业加大了人工智能服务器采购。"


def test_syndicated_copies_are_similar_and_distinct_stories_are_not():
    base = signature(ORIGINAL)
    for copy in SYNDICATED:
        assert similarity(base, signature(copy)) >= THRESHOLD + 0.1
    for other in DISTINCT_SAME_FIRM:
        assert similarity(base, signature(other)) < 0.15
    assert similarity(signature(ZH_ORIGINAL, "zh"), signature(ZH_COPY, "zh")) >= THRESHOLD
    assert similarity(signature(ZH_ORIGINAL, "zh"), signature(ZH_OTHER, "zh")) < 0.15


def test_index_clusters_copies_and_keeps_distinct_apart():
    idx = ClusterIndex()
    c0 = idx.assign("orig", signature(ORIGINAL))
    assert [idx.assign(f"copy{i}", signature(t)) for i, t in enumerate(SYNDICATED)] == [c0, c0]
    others = [idx.assign(f"other{i}", signature(t)) for i, t in enumerate(DISTINCT_SAME_FIRM)]
    assert c0 not in others and len(set(others)) == 3
    assert idx.assign("orig", signature(ORIGINAL)) == c0  # idempotent


def test_short_texts_never_cluster_by_similarity():
    assert signature("Nvidia shares fall") == b""
    idx = ClusterIndex()
    assert idx.assign("a", b"") != idx.assign("b", b"")


def test_index_scales_without_all_pairs():
    rng = random.Random(7)
    words = [f"w{i}" for i in range(5000)]
    idx = ClusterIndex()
    texts = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(2000)]
    clusters = {idx.assign(str(i), signature(t)) for i, t in enumerate(texts)}
    assert len(clusters) == 2000  # random texts: no false merges
