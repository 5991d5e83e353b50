"""Reading targets and actuals: every string in the fixtures, every operator spelling, never raising."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.scoring.targets import looks_numeric, parse_target, read_actual
from tests.scoring.scoring_fixtures import NAMES, raw

Q = "qualitative"

# Every distinct target / 调整后指标值 / 实际完成值 string in tests/data/fixtures, with the expected
# reading: (operator, number as written, scale word, unit[, upper]) or Q.
EXPECTED = {
    "0": (None, "0", "", None),
    "100": (None, "100", "", None),
    "100%": (None, "100", "", "%"),
    "12": (None, "12", "", None),
    "16次": (None, "16", "", "次"),
    "18万元": (None, "18", "万", "元"),
    "2021年12月": Q,
    "2021年9月底前": Q,
    "2021年底前": Q,
    "21人": (None, "21", "", "人"),
    "280*30%": Q,
    "280元*30%": Q,
    "2次": (None, "2", "", "次"),
    "3": (None, "3", "", None),
    "34次": (None, "34", "", "次"),
    "36": (None, "36", "", None),
    "3900.98万元": (None, "3900.98", "万", "元"),
    "4000万元": (None, "4000", "万", "元"),
    "5": (None, "5", "", None),
    "5次": (None, "5", "", "次"),
    "62": (None, "62", "", None),
    "7.2万人": (None, "7.2", "万", "人"),
    "7.3393万人": (None, "7.3393", "万", "人"),
    "71.2%。": (None, "71.2", "", "%"),
    "85": (None, "85", "", None),
    "85%以上": (">=", "85", "", "%"),
    "88": (None, "88", "", None),
    "90%": (None, "90", "", "%"),
    "93": (None, "93", "", None),
    "=0": ("=", "0", "", None),
    "=0个月": ("=", "0", "", "个月"),
    "=100%": ("=", "100", "", "%"),
    "=12个月": ("=", "12", "", "个月"),
    "=1年": ("=", "1", "", "年"),
    "=3": ("=", "3", "", None),
    "=8": ("=", "8", "", None),
    "=90%": ("=", "90", "", "%"),
    "=不断完善": Q,
    "=及时": Q,
    "=基本满足老人": Q,
    "=按时完成": Q,
    "=相符": Q,
    "=确保": Q,
    ">=12次": (">=", "12", "", "次"),
    ">=2": (">=", "2", "", None),
    ">=24次": (">=", "24", "", "次"),
    ">=2次": (">=", "2", "", "次"),
    ">=5": (">=", "5", "", None),
    ">=85%": (">=", "85", "", "%"),
    ">=90%": (">=", "90", "", "%"),
    "“三公经费”控制率82.4%。": Q,
    "≤0万元": ("<=", "0", "万", "元"),
    "≤0人": ("<=", "0", "", "人"),
    "≤100%": ("<=", "100", "", "%"),
    "≤100万元": ("<=", "100", "万", "元"),
    "≤10人": ("<=", "10", "", "人"),
    "≤12个月": ("<=", "12", "", "个月"),
    "≤300万元": ("<=", "300", "万", "元"),
    "≥0%": (">=", "0", "", "%"),
    "≥0个": (">=", "0", "", "个"),
    "≥100%": (">=", "100", "", "%"),
    "≥12次": (">=", "12", "", "次"),
    "≥18台(套)": (">=", "18", "", "台(套)"),
    "≥1次": (">=", "1", "", "次"),
    "≥2台(套)": (">=", "2", "", "台(套)"),
    "≥2次": (">=", "2", "", "次"),
    "≥3个": (">=", "3", "", "个"),
    "≥70%": (">=", "70", "", "%"),
    "≥85%": (">=", "85", "", "%"),
    "≥90%": (">=", "90", "", "%"),
    "≥95%": (">=", "95", "", "%"),
    "≥97%": (">=", "97", "", "%"),
    "》=90%": (">=", "90", "", "%"),
    "不少于30天": (">=", "30", "", "天"),
    "不断完善": Q,
    "不超当年总额": Q,
    "不超预算": Q,
    "为贫困人口减少医疗负担": Q,
    "住院次均个人负担较上年下降3.1%。": Q,
    "保障基金安全": Q,
    "健全医保监管": Q,
    "全年未发现违规情形。": Q,
    "参保率97.3%。": Q,
    "及时": Q,
    "合理": Q,
    "基本满意": Q,
    "基本满足老人": Q,
    "基金收支平衡": Q,
    "大于85%以上": (">", "85", "", "%"),
    "大于90%以上": (">", "90", "", "%"),
    "年度绩效目标与三定职责和年度工作要点一致。": Q,
    "开展宣传培训10次。": Q,
    "成效明显": Q,
    "报告签出解决": Q,
    "报告解决": Q,
    "报销比提高": Q,
    "抽样调查满意度92.5%。": Q,
    "持续推进": Q,
    "持续进行": Q,
    "按时完成": Q,
    "按时间节点保障落实": Q,
    "按照医保报销时限内拨付": Q,
    "按照配置标准严格执行": Q,
    "按规定程序编制，测算依据充分，经局党组会研究。": Q,
    "控制在预算范围内": Q,
    "提高城乡医疗救助对象医疗报销水平": Q,
    "提高城乡居民参保满意度": Q,
    "明显增强": Q,
    "明显提高": Q,
    "普遍知晓": Q,
    "有所减轻": Q,
    "有所提升": Q,
    "有效": Q,
    "检查覆盖率96%。": Q,
    "正常使用": Q,
    "每年9月底前": Q,
    "满意度83%。": Q,
    "相符": Q,
    "确保": Q,
    "离休干部医保待遇提高": Q,
    "科学": Q,
    "稳步推进": Q,
    "累计结存可支付9.2个月。": Q,
    "网上可办率93%。": Q,
    "规定时限完成": Q,
    "解决城乡医疗救助对象医疗救助问题，提高全县城乡医疗救助对象生活质量。": Q,
    "解决高龄离休干部基本医疗问题，提高高龄离休干部医疗报销水平。": Q,
    "资产购置按文件要求按期完成": Q,
    "资金到位率100%。": Q,
    "达成预期指标": Q,
    "逐步提高": Q,
    "部分达成预期指标并具有一定效果": Q,
    "面对我县城乡医疗救助对象日益严重的情况，政策的延续有利于维护社会和谐。": Q,
    "面对我县离休干部老龄化日益严重的情况，政策的延续有利于维护社会和谐。": Q,
    "预算执行率97.6%。": Q,
}
# Actuals written as a sentence around one number (department form): the number is the actual.
EXPECTED_ACTUAL = {
    "“三公经费”控制率82.4%。": (None, "82.4", "", "%"),
    "住院次均个人负担较上年下降3.1%。": (None, "3.1", "", "%"),
    "参保率97.3%。": (None, "97.3", "", "%"),
    "开展宣传培训10次。": (None, "10", "", "次"),
    "抽样调查满意度92.5%。": (None, "92.5", "", "%"),
    "检查覆盖率96%。": (None, "96", "", "%"),
    "满意度83%。": (None, "83", "", "%"),
    "累计结存可支付9.2个月。": (None, "9.2", "", "个月"),
    "网上可办率93%。": (None, "93", "", "%"),
    "资金到位率100%。": (None, "100", "", "%"),
    "预算执行率97.6%。": (None, "97.6", "", "%"),
}


def _fixture_strings(keys: tuple[str, ...]) -> set[str]:
    return {row[k] for name in NAMES for row in raw(name)["indicators"] for k in keys if row.get(k) is not None}


TARGETS = sorted(_fixture_strings(("target", "target_adjusted")))
ACTUALS = sorted(_fixture_strings(("actual",)))


def reading(target) -> tuple | str:
    if not target.quantitative:
        return Q
    upper = (str(target.upper),) if target.upper is not None else ()
    return (target.op, str(target.number), target.scale_word, target.unit) + upper


def test_the_table_lists_every_fixture_string_and_nothing_else():
    assert set(TARGETS) | set(ACTUALS) == set(EXPECTED)
    assert set(EXPECTED_ACTUAL) <= set(ACTUALS)


@pytest.mark.parametrize("text", TARGETS)
def test_every_fixture_target(text):
    assert reading(parse_target(text)) == EXPECTED[text]


@pytest.mark.parametrize("text", ACTUALS)
def test_every_fixture_actual(text):
    assert reading(read_actual(text)) == EXPECTED_ACTUAL.get(text, EXPECTED[text])


@pytest.mark.parametrize("text, expected", [
    # at least
    ("≥95%", (">=", "95", "", "%")), (">=24次", (">=", "24", "", "次")), ("＞＝90%", (">=", "90", "", "%")),
    ("》=90%", (">=", "90", "", "%")), ("≧90%", (">=", "90", "", "%")), ("不低于935元/人", (">=", "935", "", "元/人")),
    ("不少于30天", (">=", "30", "", "天")), ("至少3次", (">=", "3", "", "次")), ("90%以上", (">=", "90", "", "%")),
    ("大于90%", (">", "90", "", "%")), ("大于90%以上", (">", "90", "", "%")), ("> 5 家", (">", "5", "", "家")),
    # at most
    ("≤12个月", ("<=", "12", "", "个月")), ("<=30分钟", ("<=", "30", "", "分钟")), ("＜＝30分钟", ("<=", "30", "", "分钟")),
    ("不超过5天", ("<=", "5", "", "天")), ("不高于5%", ("<=", "5", "", "%")), ("10天以内", ("<=", "10", "", "天")),
    ("5%以下", ("<=", "5", "", "%")), ("小于3次", ("<", "3", "", "次")), ("低于1%", ("<", "1", "", "%")),
    # equal
    ("=100%", ("=", "100", "", "%")), ("＝100%", ("=", "100", "", "%")), ("等于8", ("=", "8", "", None)),
    # ranges
    ("90%-95%", ("range", "90", "", "%", "95")), ("90-95%", ("range", "90", "", "%", "95")),
    ("90%～95%", ("range", "90", "", "%", "95")), ("3至5个月", ("range", "3", "", "个月", "5")),
    # digits, separators, scale and units
    ("１２３次", (None, "123", "", "次")), ("≥９５％", (">=", "95", "", "%")), ("4,878,000", (None, "4878000", "", None)),
    ("1,234.5万元", (None, "1234.5", "万", "元")), ("3亿元", (None, "3", "亿", "元")), ("5万人次", (None, "5", "万", "人次")),
    ("12个", (None, "12", "", "个")), ("8家", (None, "8", "", "家")), ("2年", (None, "2", "", "年")),
    ("500元", (None, "500", "", "元")), ("3人", (None, "3", "", "人")), ("不超过15分钟", ("<=", "15", "", "分钟")),
    ("≥2台(套)", (">=", "2", "", "台(套)")), ("≥2台（套）", (">=", "2", "", "台(套)")), ("24批次", (None, "24", "", "批次")),
    ("  ≥ 95 %  ", (">=", "95", "", "%")), ("-3", (None, "-3", "", None)),
])
def test_operator_spellings_numbers_and_units(text, expected):
    assert reading(parse_target(text)) == expected


def test_scale_is_applied_to_the_value():
    assert parse_target("7.3393万人").value == Decimal("73393")
    assert parse_target("3亿元").value == Decimal("300000000")
    assert parse_target("90%-95%").upper_value == Decimal("95")


@pytest.mark.parametrize("text, numeric", [
    ("280元*30%", True), ("2021年9月底前", True), ("每年9月底前", True), ("按时完成", False), ("", False),
])
def test_unreadable_text_that_looks_numeric(text, numeric):
    assert looks_numeric(parse_target(text)) is numeric


def test_blank_actual_is_none():
    assert read_actual(None) is None
    assert read_actual("　 ") is None


_PIECES = st.sampled_from(["≥", ">=", "》=", "不低于", "以上", "以内", "=", "-", "~", "至", "万", "亿", "%", "元", "个月",
                           "台(套)", ",", ".", "１", "9", "0", "，", "。", "大于", "以下", "(", "（", " ", "\u3000"])


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_any_text(text):
    target, actual = parse_target(text), read_actual(text)
    assert target.text == text
    assert actual is None or actual.text == text
    looks_numeric(target)


@settings(max_examples=300)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_never_raises_on_operator_and_number_soup(text):
    target = parse_target(text)
    assert target.quantitative == (target.number is not None)
    if target.quantitative:
        target.show()
        assert target.value is not None
