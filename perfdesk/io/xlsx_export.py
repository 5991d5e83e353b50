"""Evaluations -> an Excel workbook that computes like perfdesk and shows its figures everywhere.

    write_workbook(path, evaluations, scheme, signature)

Sheets, all with generated names (user text never names a sheet, so no formula carries it):
- one per evaluation, "2022年表1", "2022年表2", … in the official layout (see xlsx_sheet);
- one 汇总表 per year, "2022年汇总表", whose rows link to that year's sheets (see xlsx_summary);
- 自评报告 with the report texts, when any evaluation has them (see xlsx_report);
- 评分规则: the scheme in words and the grade table the formulas use (see xlsx_rules);
- 长文本, when a text was longer than a cell holds (see xlsx_book).
Every formula stores perfdesk's figure, so viewers that do not recalculate, and perfdesk's own
import, see numbers; `perfdesk.io.reader.read_file` on the result gives back the same evaluations.
"""
from __future__ import annotations

from pathlib import Path

from perfdesk.io import texts
from perfdesk.io.files import write_bytes_atomically
from perfdesk.io.xlsx_book import Book
from perfdesk.io.xlsx_report import write_report_texts
from perfdesk.io.xlsx_rules import write_rules
from perfdesk.io.xlsx_sheet import SheetWriter
from perfdesk.io.xlsx_summary import write_summary
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme
from perfdesk.scoring.signature import DEFAULT_SIGNATURE, SignatureBlock
from perfdesk.scoring.yearly import Pair, by_year


def write_workbook(path: Path, evaluations: list[Evaluation], scheme: ScoringScheme = DEFAULT_SCHEME,
                   signature: SignatureBlock = DEFAULT_SIGNATURE) -> None:
    """Write the workbook atomically (a failed write leaves any old file as it was); raises OSError.

    `signature`: the workspace's signature block, printed under every table."""
    write_bytes_atomically(Path(path), workbook_bytes(evaluations, scheme, signature))


def workbook_bytes(evaluations: list[Evaluation], scheme: ScoringScheme = DEFAULT_SCHEME,
                   signature: SignatureBlock = DEFAULT_SIGNATURE) -> bytes:
    book = Book()
    pairs = [Pair(ev, score_evaluation(ev, scheme)) for ev in evaluations]
    names = table_sheet_names(evaluations)
    sheets = [book.sheet(name) for name in names]
    rules = book.sheet(texts.RULES_SHEET)
    grades = write_rules(rules, scheme)
    refs = {id(pair): SheetWriter(sheet, pair.ev, pair.scored, scheme, grades, signature).write() for pair, sheet in zip(pairs, sheets)}
    for year, items in by_year(pairs):
        write_summary(book.sheet(texts.SUMMARY_SHEET.format(year=year)), year, [(item, refs[id(item)]) for item in items],
                      scheme, grades)
    with_texts = [(name, ev) for name, ev in zip(names, evaluations) if ev.report_sections]
    if with_texts:
        write_report_texts(book.sheet(texts.REPORT_SHEET), with_texts)
    book.sheets.remove(rules)
    book.sheets.append(rules)  # the rules sheet goes last; it was modelled first for its cells
    return book.close()


def table_sheet_names(evaluations: list[Evaluation]) -> list[str]:
    """"2022年表1", "2022年表2", "2025年表1" …: numbered within each year, in the given order."""
    counts: dict[int, int] = {}
    names = []
    for ev in evaluations:
        counts[ev.year] = counts.get(ev.year, 0) + 1
        names.append(texts.TABLE_SHEET.format(year=ev.year, number=counts[ev.year]))
    return names
