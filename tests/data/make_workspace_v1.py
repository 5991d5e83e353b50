"""Write tests/data/workspace_v1.perfdesk: a tiny workspace in schema version 1.

Run once (`python tests/data/make_workspace_v1.py`) and commit the result; the migration test
opens a copy of it. The schema comes from migration 1 itself; the rows are plain SQL, as the
perfdesk of schema version 1 wrote them (numbers as exact text, JSON lists as text).
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from perfdesk.models import migrations

OUT = Path(__file__).resolve().with_name("workspace_v1.perfdesk")

EVALUATION = {
    "id": 1, "form": "project_self_eval", "year": 2022, "title": "财政项目支出绩效自评表",
    "project": "城乡医疗救助", "department": "上海市杨浦区医疗保障局", "central_department": None,
    "implementer": "上海市杨浦区医疗保障局", "money_unit": "元",
    "goal_target": "切实做好低保、低收入、困难家庭的医疗救助工作，减轻其经济负担、维护社会稳定。",
    "goal_actual": "2022年度我区共实施医疗救助7.20万人次。",
    "remarks": None, "total_weight_printed": "100", "total_score_printed": "97.99",
    "grade_printed": None, "source": "004_296d8e82f879eb1a.txt",
    "narrative_claims": "[]", "transcription_notes": "[\"一级指标按上一行补齐\"]", "columns": "[]",
}
FUNDS = [  # id, position, label, initial, annual, executed, weight, rate_printed, score_printed
    (11, 0, "年度资金总额", "34031090", "29886190", "23871869.32", "10", "79.88%", "7.99"),
    (12, 1, "其中：当年财政拨款", "34031090", "29886190", "23871869.32", "—", "79.88%", None),
]
INDICATORS = [  # id, parent, position, level, name, weight, target, actual, score_printed, reason
    (101, None, 0, 1, "产出指标 (50)", None, None, None, None, None),
    (102, 101, 0, 2, "数量指标", None, None, None, None, None),
    (103, 102, 0, 3, "全年医疗救助拨付批次", "15", ">=24次", "34次", "15", "无"),
    (104, 101, 1, 2, "质量指标", None, None, None, None, None),
    (105, 104, 0, 3, "医疗救助经办准确率", "20", "=100%", "100%", "20", "无"),
    (106, None, 1, 1, "满意度指标 (10)", None, None, None, None, None),
    (107, 106, 0, 2, "服务对象满意度指标", None, None, None, None, None),
    (108, 107, 0, 3, "医疗救助对象对服务满意度", "10", "=100%", "98.5%", "9.85", "个别对象反映等候时间较长"),
]


def build(path: Path = OUT) -> Path:
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if stale.exists():
            stale.unlink()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = wal")  # as version 1 created its files
        migrations.migrate(connection, target=1)
        connection.execute("BEGIN")
        columns = ", ".join(EVALUATION)
        marks = ", ".join("?" for _ in EVALUATION)
        connection.execute(f"INSERT INTO evaluation ({columns}) VALUES ({marks})", tuple(EVALUATION.values()))
        connection.executemany(
            "INSERT INTO fund_line (id, evaluation_id, position, label, initial, annual, executed, weight,"
            " rate_printed, score_printed) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", FUNDS)
        connection.executemany(
            "INSERT INTO indicator (id, evaluation_id, parent_id, position, level, name, weight, target,"
            " actual, score_printed, reason) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", INDICATORS)
        connection.execute(
            "INSERT INTO audit_event (at, actor, evaluation_id, action, target, old, new)"
            " VALUES ('2023-03-01T09:30:00', '测试员', 1, '导入评价表', 'evaluation:1', NULL, '2022 城乡医疗救助')")
        connection.execute("INSERT INTO setting (key, value) VALUES ('user_name', '\"测试员\"')")
        connection.execute("COMMIT")
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("VACUUM")
    finally:
        connection.close()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
