"""The command line: `perfdesk [WS]` opens the window; subcommands work on a workspace.

A workspace is a file path or a server address `postgresql://user@host:port/dbname`
everywhere one is accepted.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from decimal import Decimal
from pathlib import Path

from perfdesk import __version__
from perfdesk.models.address import workspace_target

COMMANDS = ("new", "list", "import", "export", "score", "check", "restore", "review", "copy", "server")
WS_HELP = "工作区文件，或服务器地址 postgresql://用户名@服务器:端口/数据库名"


# argparse's own words, in Chinese: it looks its gettext function up as `argparse._` at run time.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "不是有效的值：%(value)r",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须指定以下参数之一：%s",
}
argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one Chinese line and exit 1, as every other error
        raise CliError(f"命令行参数错误：{message}（用 perfdesk --help 查看用法）")


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="perfdesk", description="预算绩效自评：perfdesk [工作区] 打开窗口；子命令处理工作区。"
                     "工作区可以是文件，也可以是服务器地址 postgresql://用户名@服务器:端口/数据库名。")
    parser.add_argument("--version", action="version", version=f"perfdesk {__version__}",
                        help="显示版本号并退出")  # argparse sets this help without asking gettext
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("new", help="新建空工作区")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    p = sub.add_parser("list", help="列出评价表：编号、年度、表格类型、项目、状态")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    p = sub.add_parser("import", help="导入评价表文件（JSON、Excel .xlsx/.xls、Word .docx），输出新评价表的编号")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--year", type=int, metavar="年度", help="文件中找不到年度的表按此年度导入（默认上一年）")
    p.add_argument("--duplicates", choices=("skip", "replace", "both"), default="skip",
                   help="Excel/Word 文件中的表在工作区中已有同一年度、同一项目的表时：skip 跳过这张表（默认）、"
                        "replace 替换已有的表、both 保留两份")
    p = sub.add_parser("export", help="导出评价表")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    choose = p.add_mutually_exclusive_group()
    choose.add_argument("--evaluation", type=int, nargs="+", metavar="ID", help="评价表编号")
    choose.add_argument("--year", type=int, help="导出某一年度的全部评价表")
    choose.add_argument("--all", action="store_true", help="导出全部评价表（默认）")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--json", type=Path, metavar="OUT", help="输出 JSON 交换文件")
    out.add_argument("--pdf", type=Path, metavar="OUT", help="输出可打印的 PDF")
    out.add_argument("--xlsx", type=Path, metavar="OUT", help="输出 Excel 工作簿（含公式，另附汇总表）")
    out.add_argument("--docx", type=Path, metavar="OUT", help="输出可编辑的 Word 文档（.docx）")
    out.add_argument("--offline", type=Path, metavar="OUT",
                     help="输出离线报送文件（*.perfdesk-unit.json，含审计记录），须同时用 --unit 写明本单位名称")
    p.add_argument("--unit", help="离线报送文件中的单位名称（主管部门据此与服务器上的评价表对应）")
    p.add_argument("--kind", choices=("table", "summary", "report"), default="table",
                   help="PDF/Word 内容：table 自评表（默认）、summary 汇总表、report 自评报告")
    p.add_argument("--landscape", action="store_true", help="PDF/Word 中的表格横向排版")
    p.add_argument("--sections", metavar="KEY,...",
                   help="自评报告只打印这些章节（以逗号分隔）：basic, work, conclusion, analysis, problems, "
                        "measures, application, other")
    p.add_argument("--font", choices=("simsun", "simfang", "simhei"),
                   help="PDF 改用 Windows 已安装的宋体/仿宋/黑体（默认用随软件提供的字体）")
    p = sub.add_parser("score", help="计算得分并审核表格，输出中文表格或 JSON")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    p.add_argument("--evaluation", type=int, nargs="+", metavar="ID", help="评价表编号（默认全部）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = sub.add_parser("review", help="审核汇总：各表状态、自评总分与复核总分，以及复核得分与自评得分相差超过阈值的指标")
    p.add_argument("workspace", type=workspace_target, help=WS_HELP)
    p.add_argument("--threshold", type=Decimal, default=Decimal(1), metavar="分数",
                   help="列出相差超过这么多分的表和指标（默认 1 分）")
    p = sub.add_parser("copy", help="复制整个工作区（含审计记录）：文件到服务器，或服务器到文件")
    p.add_argument("source", type=workspace_target, help="源工作区")
    p.add_argument("target", type=workspace_target, help="目标：新文件，或服务器上空的工作区")
    p.add_argument("--unit", help="复制到服务器时，尚未指定单位的评价表归入此单位")
    p = sub.add_parser("server", help="服务器工作区的管理（由信息化管理员使用）")
    server = p.add_subparsers(dest="action", parser_class=_Parser, required=True)
    q = server.add_parser("init", help="在数据库中建立工作区，或升级其格式")
    q.add_argument("url", help="postgresql://管理员@服务器:端口/数据库名")
    q = server.add_parser("grant", help="授权：填报人（--unit 所属单位）或审核人（--reviewer）")
    q.add_argument("url", help="postgresql://管理员@服务器:端口/数据库名")
    q.add_argument("role", help="使用者的数据库用户名")
    kind = q.add_mutually_exclusive_group(required=True)
    kind.add_argument("--unit", nargs="+", metavar="单位", help="填报人所属的单位（可以多个）")
    kind.add_argument("--reviewer", action="store_true", help="审核人：查看全部评价表，填写复核得分，退回或通过")
    kind.add_argument("--revoke", action="store_true", help="取消此用户在本工作区的全部权限")
    q.add_argument("--password", action="store_true", help="同时建立该用户（或修改其密码），在终端中输入密码")
    q = server.add_parser("members", help="列出使用者：用户名、审核/填报、所属单位")
    q.add_argument("url", help="postgresql://管理员@服务器:端口/数据库名")
    p = sub.add_parser("check", help="检查工作区是否完好（完好时退出状态为 0，否则为 1）")
    p.add_argument("workspace", type=Path, help="工作区文件")
    p = sub.add_parser("restore", help="从备份恢复工作区（默认用最近的完好备份；恢复前先备份当前内容）")
    p.add_argument("workspace", type=Path, help="工作区文件")
    p.add_argument("backup", type=Path, nargs="?", help="备份文件（默认：最近的完好备份）")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return _gui(argv)
    try:
        args = build_parser().parse_args(argv)
        return _HANDLERS[args.command](args)
    except CliError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("已中断")
    except Exception as exc:  # noqa: BLE001 - the contract is one line, never a traceback
        from perfdesk.io.files import ImportRefused
        from perfdesk.models import WorkspaceDamaged, WorkspaceError
        from perfdesk.models.faults import reason
        if isinstance(exc, WorkspaceDamaged) and exc.backup is not None:
            return _fail(f"{exc}（恢复：perfdesk restore {exc.path}）")
        if isinstance(exc, (WorkspaceError, ImportRefused)):
            return _fail(str(exc))
        if isinstance(exc, OSError):
            return _fail(f"文件操作失败：{reason(exc)}（{exc.filename or ''}）")
        return _fail(f"内部错误：{type(exc).__name__}: {exc}")


def _fail(message: str) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return 1


def _gui(argv: list[str]) -> int:
    if len(argv) > 1:  # "perfdesk lst w.perfdesk": a mistyped command, not two workspaces
        return _fail(f"命令行参数错误：没有“{argv[0]}”这个命令，可用的命令：{'、'.join(COMMANDS)}；"
                     "只打开窗口时只能指定一个工作区（用 perfdesk --help 查看用法）")
    if _no_display():
        return _fail("没有可用的图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口；"
                     "在桌面环境中运行，或使用命令行子命令（perfdesk --help）")
    from perfdesk.ui.app import run
    return run(workspace_target(argv[0]) if argv else None)


def _no_display() -> bool:
    """Linux without X11 or Wayland (and no QT_QPA_PLATFORM chosen): Qt would abort in English."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def with_password(action):
    """Run `action(password)`; when a server asks for a password that .pgpass does not give,
    ask for it in the terminal (never stored) and run it again."""
    from perfdesk.models.errors import PasswordRequired
    try:
        return action(None)
    except PasswordRequired as exc:
        if not sys.stdin.isatty():
            raise CliError(f"{exc}：请在 .pgpass 或 PostgreSQL 服务文件中配置密码，或在终端中运行以便输入") from None
        return action(getpass.getpass(f"{exc}，请输入密码："))


def _open(target, readonly: bool = False):
    from perfdesk.models import Workspace
    return with_password(lambda password: Workspace.open(target, readonly=readonly, password=password))


def _open_to_read(target):
    """For a short read: a file is read so that it cannot disturb a program editing it."""
    from perfdesk.models import Workspace
    return with_password(lambda password: Workspace.read(target, password=password))


def _new(args) -> int:
    from perfdesk.models import Workspace
    with with_password(lambda password: Workspace.create(args.workspace, password=password)) as ws:
        print(ws.location)
    return 0


def _list(args) -> int:
    from perfdesk.models.address import is_server
    from perfdesk.models.review import STATUS_NAMES as REVIEW_STATUS_NAMES
    from perfdesk.scoring.messages import FORM_NAMES
    from perfdesk.ui.texts import STATUS_NAMES
    statuses = REVIEW_STATUS_NAMES if is_server(args.workspace) else STATUS_NAMES  # on a server final = 已通过
    with _open_to_read(args.workspace) as ws:
        for ev in ws.evaluations():
            print("\t".join(str(x) for x in (ev.id, ev.year, FORM_NAMES.get(ev.form, ev.form),
                                              ev.project or ev.title or "", statuses.get(ev.status, ev.status))))
    return 0


def _import(args) -> int:
    from perfdesk.io import offline
    units = [path for path in args.files if path.name.endswith(offline.SUFFIX)]
    if units:
        return _receive(args, units)
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise CliError(f"年度不正确：{args.year}（应在 1900–2200 之间）")
    # all parsed before anything is stored; exchange files (perfdesk's own JSON) are stored as they are
    read = [(t, path.suffix.lower() == ".json") for path in args.files for t in _read(path, args.year)]
    with _open(args.workspace) as ws:
        for new_id in ws.import_evaluations(*_planned(read, ws.evaluations(), args.duplicates)):
            print(new_id)
    return 0


def _planned(tables, held, answer: str):
    """(tables to store, ids of the held tables they replace) under the --duplicates answer, for
    (table, from an exchange file) pairs; each skipped or replaced table is said on stderr. A table
    met twice in one import counts too. As in the window, only tables read from Excel/Word files
    are matched: an exchange file is stored as it is."""
    from perfdesk.io.duplicates import REPLACE, SKIP, duplicate_of
    kept, replaced = [], []
    for table, exchanged in tables:
        if exchanged:
            kept.append(table)
            continue
        earlier = duplicate_of(table.year, table.project, kept)
        twin = earlier or duplicate_of(table.year, table.project, (ev for ev in held if ev.id not in replaced))
        where = "本次导入的前一张表" if earlier is not None else f"编号 {twin.id}" if twin is not None else ""
        if twin is not None and answer == SKIP:
            print(f"跳过：{table.year} 年度“{table.project}”已有一张（{where}）；要替换它用 --duplicates replace，"
                  "保留两份用 --duplicates both", file=sys.stderr)
            continue
        if twin is not None and answer == REPLACE:
            if earlier is not None:
                kept.remove(earlier)
            else:
                replaced.append(twin.id)
            print(f"替换：{table.year} 年度“{table.project}”（{where}）", file=sys.stderr)
        kept.append(table)
    return kept, replaced


def _receive(args, paths) -> int:
    """Offline units' files: each matched by unit + year + project, updated or created."""
    from perfdesk.io import offline
    from perfdesk.io.files import read_text
    if len(paths) != len(args.files):
        raise CliError("离线报送文件要单独导入，不能与其他文件一起导入")
    try:
        packages = [(path, offline.loads(read_text(path))) for path in paths]
    except offline.OfflineError as exc:
        raise CliError(str(exc)) from None
    with _open(args.workspace) as ws:
        for path, package in packages:
            for evaluation_id in offline.merge(ws, package, path.name):
                print(evaluation_id)
    return 0


def _read(path: Path, year: int | None):
    """The tables of one file; for a table file, what was read and skipped goes to stderr, refusals included."""
    from perfdesk.io.files import ImportRefused, read_tables
    if path.suffix.lower() == ".json":
        return read_tables(path)
    from perfdesk.io.reader import read_file
    try:
        found = read_file(path, year)
    except ImportRefused as exc:
        for line in exc.notes:
            print(f"{path.name}：{line}", file=sys.stderr)
        raise
    for line in found.lines():
        print(f"{path.name}：{line}", file=sys.stderr)
    return found.evaluations


def selected_evaluations(ws, args):
    if args.evaluation:
        return [ws.evaluation(i) for i in args.evaluation]
    evaluations = ws.evaluations()
    if args.year is not None:
        evaluations = [e for e in evaluations if e.year == args.year]
        if not evaluations:
            raise CliError(f"工作区中没有 {args.year} 年度的评价表")
    return evaluations


def _export(args) -> int:
    # each format's modules only when it is asked for: a PDF export starts as a fresh process
    with _open_to_read(args.workspace) as ws:
        evaluations = selected_evaluations(ws, args)
        scheme = ws.scheme()
        signature = ws.signature_block()
        if args.offline:
            from perfdesk.io import offline
            from perfdesk.io.files import write_atomically
            try:
                text = offline.dumps(ws, args.unit, [e.id for e in evaluations])
            except offline.OfflineError as exc:
                raise CliError(str(exc)) from None
            write_atomically(args.offline, text)
            return 0
    if not evaluations:
        raise CliError("工作区中没有评价表可导出")
    if args.pdf:
        return _export_pdf(args, evaluations, scheme, signature)
    if args.docx:
        return _export_docx(args, evaluations, scheme, signature)
    if args.xlsx:
        from perfdesk.io.xlsx_export import write_workbook
        write_workbook(args.xlsx, evaluations, scheme, signature)
        return 0
    from perfdesk.io import exchange
    from perfdesk.io.files import write_atomically
    write_atomically(args.json, exchange.dumps(evaluations))
    return 0


def _export_pdf(args, evaluations, scheme, signature) -> int:
    from perfdesk.reports import installed_choices, write_pdf
    if args.font and args.font not in installed_choices():
        raise CliError(f"本机没有安装该字体：{args.font}（只能在装有该字体的 Windows 上使用）")
    try:
        result = write_pdf(args.pdf, args.kind, evaluations, scheme, landscape=args.landscape, font=args.font,
                           sections=_sections(args), signature=signature)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"{result.path}：共 {result.pages} 页")
    if result.missing_characters:
        print(f"注意：以下字符没有字体可以打印：{''.join(result.missing_characters)}", file=sys.stderr)
    return 0


def _export_docx(args, evaluations, scheme, signature) -> int:
    from perfdesk.reports import write_docx
    try:
        path = write_docx(args.docx, args.kind, evaluations, scheme, landscape=args.landscape,
                          sections=_sections(args), signature=signature)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(path)
    return 0


def _sections(args) -> tuple[str, ...] | None:
    if args.sections and args.kind != "report":  # said, not silently ignored
        raise CliError("--sections 只用于自评报告（--kind report）")
    return None if not args.sections else tuple(s.strip() for s in args.sections.split(",") if s.strip())


def _score(args) -> int:
    import json

    from perfdesk.scoring.engine import score_evaluation
    from perfdesk.scoring.summary import format_text, scored_to_dict
    with _open_to_read(args.workspace) as ws:
        evaluations = [ws.evaluation(i) for i in args.evaluation] if args.evaluation else ws.evaluations()
        scheme = ws.scheme()
    results = [(ev, score_evaluation(ev, scheme)) for ev in evaluations]
    if args.json:
        body = {"evaluations": [scored_to_dict(ev, scored) for ev, scored in results]}
        print(json.dumps(body, ensure_ascii=False, indent=1))
    else:
        print("\n".join(format_text(ev, scored) for ev, scored in results), end="")
    return 0


def _review(args) -> int:
    """The 汇总表 (self-evaluated and reviewed totals) and the 复核差异表, tab-separated."""
    from perfdesk.models.review import STATUS_NAMES
    from perfdesk.scoring.engine import score_evaluation
    from perfdesk.scoring.numbers import show
    from perfdesk.scoring.review import differences, review_total, total_difference
    with _open_to_read(args.workspace) as ws:
        evaluations, scheme = ws.evaluations(), ws.scheme()
    print("汇总表\t单位\t年度\t项目\t状态\t自评总分\t复核总分\t差异")
    gaps = []
    for ev in evaluations:
        scored, reviewed = score_evaluation(ev, scheme), review_total(ev, scheme)
        gap = total_difference(scored, reviewed)
        mark = "超过" if gap is not None and abs(gap) > args.threshold else ""
        print("\t".join((mark, ev.unit or "", str(ev.year), ev.project or ev.title or "",
                         STATUS_NAMES.get(ev.status, ev.status), show(scored.total),
                         show(reviewed.total) if reviewed else "", show(gap))))
        gaps += [(ev, found) for found in differences(ev, scored, args.threshold)]
    print(f"\n复核差异表（相差超过 {args.threshold} 分）\t单位\t年度\t项目\t指标\t分值\t自评得分\t复核得分\t差异")
    for ev, found in gaps:
        print("\t".join(("", ev.unit or "", str(ev.year), ev.project or ev.title or "", " / ".join(found.path),
                         show(found.weight), show(found.self_score), show(found.review_score), show(found.difference))))
    return 0


def _copy(args) -> int:
    from perfdesk.models.copying import copy_workspace
    with _open_to_read(args.source) as source:
        count = len(source.evaluation_ids())
        where = with_password(lambda password: copy_workspace(source, args.target, unit=args.unit, password=password))
    print(f"已复制 {count} 张评价表及审计记录到 {where}")
    return 0


def _server(args) -> int:
    from perfdesk.models import server_admin
    if args.action == "init":
        before, after = with_password(lambda password: server_admin.init(args.url, password))
        print("工作区格式已是最新" if before == after else
              f"已建立工作区（格式版本 {after}）" if before == 0 else f"已把工作区从格式版本 {before} 升级到 {after}")
    elif args.action == "members":
        for member in with_password(lambda password: server_admin.members(args.url, password)):
            print("\t".join((member.role, "审核" if member.reviewer else "填报", "、".join(member.units))))
    elif args.revoke:
        with_password(lambda password: server_admin.revoke(args.url, args.role, password))
        print(f"已取消 {args.role} 的全部权限")
    else:
        new_password = _ask_new_password(args.role) if args.password else None
        member = with_password(lambda password: server_admin.grant(
            args.url, args.role, args.unit, args.reviewer, password, new_password))
        print(f"{member.role}：审核人" if member.reviewer else f"{member.role}：填报人，单位 {'、'.join(member.units)}")
    return 0


def _ask_new_password(role: str) -> str:
    if not sys.stdin.isatty():
        raise CliError("--password 需要在终端中输入密码")
    first = getpass.getpass(f"为 {role} 设置密码：")
    if not first or first != getpass.getpass("再输入一次："):
        raise CliError("两次输入的密码不一致（或为空），未做任何修改")
    return first


def _check(args) -> int:
    """The same checks as every open, the thorough page check included; exit 0 or 1."""
    from perfdesk.models import Workspace
    with Workspace.read(args.workspace) as ws:
        report = ws.check()
    print(report)
    return 0


def _restore(args) -> int:
    from perfdesk.models import Workspace, WorkspaceDamaged, backups
    chosen = args.backup or getattr(backups.latest_good(args.workspace), "path", None)
    if chosen is None:
        raise CliError(f"没有找到 {args.workspace} 的完好备份")
    try:
        ws = Workspace.open(args.workspace)
    except WorkspaceDamaged:
        aside = backups.replace_damaged(args.workspace, chosen)
        print(f"已从备份 {chosen} 恢复 {args.workspace}；损坏的文件保留为 {aside}")
        return 0
    with ws:
        before = ws.take_backup()
        ws.restore_backup(chosen)
    print(f"已从备份 {chosen} 恢复 {args.workspace}；恢复前的内容已备份为 {before}")
    return 0


_HANDLERS = {"new": _new, "list": _list, "import": _import, "export": _export, "score": _score,
             "check": _check, "restore": _restore, "review": _review, "copy": _copy, "server": _server}
