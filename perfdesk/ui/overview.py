"""A read-only overview of one evaluation: header, funds and the indicator table."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from perfdesk.io.exchange import leaf_paths
from perfdesk.ui.texts import FORM_NAMES


def _v(value) -> str:
    return "" if value is None else escape(str(value))


def overview_html(ev) -> str:
    head = [
        f"<h2>{_v(ev.title or FORM_NAMES.get(ev.form))}（{ev.year}年度）</h2>",
        "<table border='1' cellspacing='0' cellpadding='4'>",
        f"<tr><th>项目名称</th><td colspan='3'>{_v(ev.project)}</td></tr>",
        f"<tr><th>主管部门</th><td>{_v(ev.department)}</td><th>实施单位</th><td>{_v(ev.implementer)}</td></tr>",
        "</table>",
    ]
    funds = ["<h3>项目资金" + (f"（{_v(ev.money_unit)}）" if ev.money_unit else "") + "</h3>",
             "<table border='1' cellspacing='0' cellpadding='4'><tr><th></th><th>年初预算数</th>"
             "<th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr>"]
    funds += [f"<tr><td>{_v(f.label)}</td><td>{_v(f.initial)}</td><td>{_v(f.annual)}</td><td>{_v(f.executed)}</td>"
              f"<td>{_v(f.weight)}</td><td>{_v(f.rate_printed)}</td><td>{_v(f.score_printed)}</td></tr>" for f in ev.funds]
    funds.append("</table>")
    rows = ["<h3>绩效指标</h3><table border='1' cellspacing='0' cellpadding='4'><tr><th>一级指标</th>"
            "<th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th></tr>"]
    for path, leaf in leaf_paths(ev):
        labels = list(path) + ["", ""]
        rows.append(f"<tr><td>{_v(labels[0])}</td><td>{_v(labels[1])}</td><td>{_v(leaf.name)}</td>"
                    f"<td>{_v(leaf.target)}</td><td>{_v(leaf.actual)}</td><td>{_v(leaf.weight)}</td>"
                    f"<td>{_v(leaf.score_printed)}</td></tr>")
    rows.append("</table>")
    return "".join(head + (funds if ev.funds else []) + rows)


class Overview(QTextBrowser):
    def show_evaluation(self, ev) -> None:
        self.setHtml(overview_html(ev))
