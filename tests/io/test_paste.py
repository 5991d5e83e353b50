"""Rows copied from Excel/WPS into the indicator tree."""
from perfdesk.io import paste


def test_headerless_rows_follow_the_official_column_order():
    whole_tree, [leaf] = paste.parse("指标A\t≥95%\t98%\t5\t5\t无")
    assert not whole_tree
    assert (leaf.name, leaf.target, leaf.target_adjusted, leaf.actual, str(leaf.weight), leaf.reason) == \
        ("指标A", "≥95%", None, "98%", "5", "无")


def test_a_header_row_maps_columns_by_name():
    _, [leaf] = paste.parse("三级指标\t实际完成值\t年度指标值\n指标B\t90%\t≥85%")
    assert (leaf.target, leaf.actual) == ("≥85%", "90%")


def test_official_layout_builds_the_tree_and_fills_merged_cells_down():
    text = "产出指标\t数量指标\t批次\t≥2次\t5次\t10\t10\t无\n\t\t覆盖率\t=100%\t100%\t10\t10\t"
    whole_tree, [root] = paste.parse(text)
    assert whole_tree and root.name == "产出指标"
    assert [leaf.name for leaf in root.children[0].children] == ["批次", "覆盖率"]


def test_bad_rows_are_refused_in_chinese():
    import pytest
    with pytest.raises(paste.PasteError, match="第 1 行的分值不是数字"):
        paste.parse("指标C\t≥1\t1\t十")
    with pytest.raises(paste.PasteError, match="没有可粘贴"):
        paste.parse(" \n\t\n")
