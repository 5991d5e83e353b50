"""The command line. Commands that work on a workspace run on a file and on a PostgreSQL server."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from perfdesk import __version__
from perfdesk.cli import main


def test_version_via_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "perfdesk", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"perfdesk {__version__}"


def test_new_list_import_export(new_target, tmp_path, fixtures_dir, capsys):
    ws = new_target()
    assert main(["new", str(ws)]) == 0
    capsys.readouterr()
    assert main(["import", str(ws), str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json"),
                 str(fixtures_dir / "001_01_chengxiang_jumin_canbao_xianji_pipei.json")]) == 0
    assert capsys.readouterr().out.split() == ["1", "2"]
    assert main(["list", str(ws)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "2\t2021\t项目绩效目标完成情况表\t2021年城乡居民医疗保险参保县级匹配资金项目\t草稿",
        "1\t2022\t项目支出绩效自评表\t城乡医疗救助\t草稿",
    ]
    assert main(["export", str(ws), "--year", "2021", "--json", str(tmp_path / "o.json")]) == 0
    assert '"2021年城乡居民医疗保险参保县级匹配资金项目"' in (tmp_path / "o.json").read_text(encoding="utf-8")


def test_errors_are_one_chinese_line_exit_1(tmp_path, capsys):
    assert main(["list", str(tmp_path / "missing.perfdesk")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "找不到工作区文件" in err
    assert main(["export", str(tmp_path / "x.perfdesk")]) == 1
    assert "命令行参数错误" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x.perfdesk")]) == 0
    assert main(["new", str(tmp_path / "x.perfdesk")]) == 1
    assert "文件已存在" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "x.perfdesk"), "--json", str(tmp_path / "o.json")]) == 1
    assert "没有评价表" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


def test_import_of_unsupported_file_changes_nothing(new_target, tmp_path, capsys):
    ws = new_target()
    main(["new", str(ws)])
    bad = tmp_path / "t.txt"
    bad.write_text("hello", encoding="utf-8")
    assert main(["import", str(ws), str(bad)]) == 1
    assert "不支持的文件类型" in capsys.readouterr().err  # .txt: neither a table file nor JSON
    main(["list", str(ws)])
    assert capsys.readouterr().out == ""


def test_score_json_has_the_documented_shape(new_target, tmp_path, fixtures_dir, capsys):
    import json
    ws = new_target()
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_01_yibao_guanli_shiwu.json"),
          str(fixtures_dir / "004_04_zhongyang_yiliao_jiuzhu_zhuanyi_zhifu.json")])
    capsys.readouterr()
    assert main(["score", str(ws), "--evaluation", "1", "--json"]) == 0
    [ev] = json.loads(capsys.readouterr().out)["evaluations"]
    assert list(ev) == ["id", "project", "year", "form", "fund", "indicators", "total", "recorded_total",
                        "grade", "findings"]
    assert ev["fund"] == {"annual": 390065700.0, "executed": 389545477.1, "rate": 99.87, "weight": 10,
                          "score": 9.99, "recorded_rate": 99.87, "recorded_score": 9.99}
    second = ev["indicators"][1]
    assert second["path"] == ["产出指标 (50)", "数量指标", "公众号每月更新次数"]
    assert (second["target"], second["actual"], second["rule"], second["score"]) == ("=8", "12", "higher_is_better", 5.0)
    assert second["explanation"]
    assert (ev["total"], ev["recorded_total"], ev["grade"]) == (99.99, 99.99, "优")
    assert main(["score", str(ws), "--evaluation", "2", "--json"]) == 0
    [transfer] = json.loads(capsys.readouterr().out)["evaluations"]
    assert transfer["total"] is None and transfer["grade"] is None


def test_score_text_is_a_readable_chinese_table(new_target, tmp_path, fixtures_dir, capsys):
    ws = new_target()
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_05_yibao_shiwu_jingfei.json")])
    capsys.readouterr()
    assert main(["score", str(ws)]) == 0
    out = capsys.readouterr().out
    assert "总分 97.89" in out and "等级 优" in out
    assert out.count("MISSING_REASON") == 2


def test_xlsx_import_reports_on_stderr_and_export_round_trips(new_target, tmp_path, fixtures_dir, capsys):
    ws = new_target()
    main(["new", str(ws)])
    capsys.readouterr()
    assert main(["import", str(ws), str(fixtures_dir / "xlsx" / "yangpu_transfer.xlsx")]) == 0
    out, err = capsys.readouterr()
    assert out.split() == ["1"]
    assert "yangpu_transfer.xlsx：" in err and "资金管理情况" in err
    assert main(["export", str(ws), "--xlsx", str(tmp_path / "out.xlsx")]) == 0
    again = new_target()
    main(["new", str(again)])
    assert main(["import", str(again), str(tmp_path / "out.xlsx")]) == 0
    capsys.readouterr()
    main(["export", str(ws), "--json", str(tmp_path / "a.json")])
    main(["export", str(again), "--json", str(tmp_path / "b.json")])
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == (tmp_path / "b.json").read_text(encoding="utf-8")


def test_refused_workbook_changes_nothing(new_target, tmp_path, capsys):
    ws = new_target()
    main(["new", str(ws)])
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    assert main(["import", str(ws), str(bad)]) == 1
    assert "bad.xlsx" in capsys.readouterr().err
    main(["list", str(ws)])
    assert capsys.readouterr().out == ""


def test_pdf_export_kinds_and_a_missing_windows_font(tmp_path, fixtures_dir, capsys):
    from pypdf import PdfReader
    ws = tmp_path / "p.perfdesk"
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_01_yibao_guanli_shiwu.json"),
          str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json")])
    for kind, expected in (("table", "项目支出绩效自评表"), ("summary", "汇总表"), ("report", "自评报告")):
        out = tmp_path / f"{kind}.pdf"
        assert main(["export", str(ws), "--year", "2022", "--pdf", str(out), "--kind", kind]) == 0
        text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
        assert expected in text.replace(" ", "")
    capsys.readouterr()
    assert main(["export", str(ws), "--pdf", str(tmp_path / "f.pdf"), "--font", "simsun"]) == 1
    assert "没有安装该字体" in capsys.readouterr().err
    assert not (tmp_path / "f.pdf").exists()


def test_usage_errors_and_help_are_in_chinese(capsys):
    import pytest
    assert main(["export", "w.perfdesk", "--evaluation", "abc", "--json", "a.json"]) == 1
    assert capsys.readouterr().err.strip() == \
        "命令行参数错误：参数 --evaluation：不是有效的值：'abc'（用 perfdesk --help 查看用法）"
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：perfdesk") and "显示本帮助并退出" in out and "显示版本号并退出" in out
    english = re.compile(r"[A-Za-z']{2,} [a-z']{2,} [a-z']{2,}")  # a phrase of argparse's English
    for command in ([], ["new"], ["list"], ["import"], ["export"], ["score"], ["review"], ["copy"], ["check"],
                    ["restore"], ["server"], ["server", "init"], ["server", "grant"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert not english.findall(capsys.readouterr().out.replace("perfdesk ", "")), command


def test_report_sections_from_the_command_line(new_target, tmp_path, fixtures_dir, capsys):
    ws = new_target()
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json")])
    out = tmp_path / "r.pdf"
    assert main(["export", str(ws), "--pdf", str(out), "--kind", "report", "--sections", "basic,conclusion"]) == 0
    capsys.readouterr()
    assert main(["export", str(ws), "--pdf", str(out), "--kind", "report", "--sections", "abc"]) == 1
    assert "报告章节选择不正确，可选：basic（基本情况）" in capsys.readouterr().err
    assert main(["export", str(ws), "--pdf", str(out), "--kind", "table", "--sections", "basic"]) == 1
    assert capsys.readouterr().err.strip() == "--sections 只用于自评报告（--kind report）"
    assert main(["import", str(ws), "--year", "3000", str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json")]) == 1
    assert capsys.readouterr().err.strip() == "年度不正确：3000（应在 1900–2200 之间）"


def _yearless_table(path):
    from openpyxl import Workbook
    book = Workbook()
    for row in (["项目支出绩效自评表"], ["项目名称", "无年度的项目"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["产出指标", "数量指标", "人数", "≥10人", "12人", 90, 90]):
        book.active.append(row)
    book.save(path)


def test_import_takes_the_year_a_table_lacks_and_reports_it(tmp_path, capsys):
    import datetime

    ws = tmp_path / "y.perfdesk"
    main(["new", str(ws)])
    _yearless_table(tmp_path / "table.xlsx")
    capsys.readouterr()
    assert main(["import", str(ws), str(tmp_path / "table.xlsx"), "--year", "2021"]) == 0
    err = capsys.readouterr().err
    assert "table.xlsx：未找到年度，暂按 2021 年导入" in err and "指标：1 个三级指标" in err
    assert main(["import", str(ws), str(tmp_path / "table.xlsx")]) == 0  # never refused for a missing year
    capsys.readouterr()
    main(["list", str(ws)])
    years = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert years == ["2021", str(datetime.date.today().year - 1)]


def test_a_refused_workbook_says_what_was_looked_at(tmp_path, capsys):
    from openpyxl import Workbook
    ws = tmp_path / "r.perfdesk"
    main(["new", str(ws)])
    book = Workbook()
    book.active.title = "说明页"
    book.active.append(["本工作簿只有说明文字"])
    book.save(tmp_path / "notes.xlsx")
    capsys.readouterr()
    assert main(["import", str(ws), str(tmp_path / "notes.xlsx")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("notes.xlsx：工作表“说明页”：未找到评价表")
    assert err[-1].startswith("notes.xlsx：文件中没有可识别的评价表")


ONE_TABLE = Path(__file__).resolve().parents[1] / "data" / "realworld" / "11_xls_biff8_jishan.xls"


def test_importing_a_table_twice_skips_it_unless_told_to_replace_or_keep_both(new_target, capsys):
    """The same year and project as a held table: skipped by default (the 汇总表 must not double),
    replaced in one step with --duplicates replace, stored twice with --duplicates both."""
    ws, table = new_target(), str(ONE_TABLE)
    main(["new", str(ws)])
    capsys.readouterr()
    assert main(["import", str(ws), table]) == 0
    first = capsys.readouterr().out.split()
    assert main(["import", str(ws), table, table]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.count("跳过：2020 年度“建档立卡个人缴费县级配套资金”已有一张") == 2
    assert main(["import", str(ws), table, "--duplicates", "replace"]) == 0
    replaced, err = capsys.readouterr()
    assert f"替换：2020 年度“建档立卡个人缴费县级配套资金”（编号 {first[0]}）" in err
    assert main(["import", str(ws), table, table, "--duplicates", "both"]) == 0
    both = capsys.readouterr().out.split()
    main(["list", str(ws)])
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert sorted(line[0] for line in listed) == sorted(replaced.split() + both)
    assert len(listed) == 3 and {line[3] for line in listed} == {"建档立卡个人缴费县级配套资金"}


def test_a_table_met_twice_in_one_import_is_stored_once(tmp_path, capsys):
    ws, table = tmp_path / "w.perfdesk", str(ONE_TABLE)
    main(["new", str(ws)])
    capsys.readouterr()
    assert main(["import", str(ws), table, table, "--duplicates", "replace"]) == 0
    out, err = capsys.readouterr()
    assert len(out.split()) == 1 and "替换：2020 年度“建档立卡个人缴费县级配套资金”（本次导入的前一张表）" in err


def test_a_report_covers_one_year(tmp_path, fixtures_dir, capsys):
    """A report states one year's budget, grades and title: tables of several years are refused."""
    ws = tmp_path / "w.perfdesk"
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json"),
          str(fixtures_dir / "001_01_chengxiang_jumin_canbao_xianji_pipei.json")])
    capsys.readouterr()
    for option in ("--pdf", "--docx"):
        assert main(["export", str(ws), option, str(tmp_path / f"r{option}"), "--kind", "report"]) == 1
        assert capsys.readouterr().err.strip() == \
            "自评报告按年度编写，所选评价表属于 2021、2022 年度，请只选一个年度（命令行用 --year）"
        assert main(["export", str(ws), option, str(tmp_path / f"r{option}"), "--kind", "report", "--year", "2022"]) == 0


def test_a_mistyped_command_is_named(capsys):
    assert main(["lst", "w.perfdesk"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("命令行参数错误：没有“lst”这个命令，可用的命令：new、list、import")


def test_no_display_is_said_in_chinese_before_qt_aborts(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PERFDESK_DATA_DIR"] = str(tmp_path)
    run = subprocess.run([sys.executable, "-m", "perfdesk"], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip().startswith("没有可用的图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口")


def _read_only_folder(folder: Path) -> bool:
    """`folder` made a real read-only file system (tmpfs, needs root on Linux); False where not possible."""
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.mark.parametrize("option", ["--pdf", "--docx", "--xlsx", "--json"])
def test_an_export_that_cannot_be_written_names_the_chosen_file(tmp_path, fixtures_dir, capsys, option):
    """Not the temporary file written beside it (".out.pdf.k3j2h1.tmp"), which the user never chose."""
    ws = tmp_path / "w.perfdesk"
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_02_chengxiang_yiliao_jiuzhu.json")])
    capsys.readouterr()
    targets = [tmp_path / "没有的文件夹" / "out"]
    media = tmp_path / "media"
    media.mkdir()
    mounted = _read_only_folder(media)
    if mounted:
        targets.append(media / "out")
    try:
        for target in targets:
            assert main(["export", str(ws), option, str(target)]) == 1
            err = capsys.readouterr().err.strip()
            assert str(target) in err and ".tmp" not in err, err
        assert not mounted or os.listdir(media) == []  # no temporary file left
    finally:
        if mounted:
            subprocess.run(["umount", str(media)], check=True)
