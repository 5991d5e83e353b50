"""审计记录 printed: a landscape table, the header on every page, fonts embedded."""
from __future__ import annotations

from perfdesk.models.audit_trail import AuditEntry
from perfdesk.reports.audit_trail import write_audit_pdf
from tests.reports.helpers import flat, fonts_table, page_texts


def test_many_entries_run_over_pages_with_the_header_repeated(tmp_path):
    entries = [AuditEntry(n, f"2026-03-25T09:{n % 60:02d}:00", "王芳", 1, "城乡医疗救助", "修改实际完成值",
                          f"指标“第{n}项指标”：实际完成值", f"{n}次", f"{n + 1}次") for n in range(120, 0, -1)]
    result = write_audit_pdf(tmp_path / "审计记录.pdf", entries, "评价表：2022 城乡医疗救助")
    texts = [flat(t) for t in page_texts(result.path)]
    assert result.pages == len(texts) > 1 and not result.missing_characters
    assert "审计记录" in texts[0] and "评价表：2022城乡医疗救助；共120条" in texts[0]
    assert all("审计记录（续）" in text for text in texts[1:])
    for number, text in enumerate(texts, 1):
        assert "时间用户评价表操作修改对象原值新值" in text
        assert f"第{number}页共{len(texts)}页" in text
    assert "指标“第120项指标”：实际完成值" in texts[0] and "指标“第1项指标”：实际完成值" in texts[-1]
    assert all(row[-5] == "yes" for row in fonts_table(result.path))  # every font embedded (emb)
