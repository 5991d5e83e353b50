"""Content (reports.content) set as an editable Word document with python-docx: the same forms,
汇总表 and 自评报告 as the PDF, with real Word tables (merged 一级/二级 cells, head rows repeated on
every page), named styles, A4 and the PDF's margins.

All text goes in as plain runs; characters XML cannot hold (controls, lone surrogates) are left out.
"""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import _Cell

from perfdesk import atomic_write
from perfdesk.models import ownership
from perfdesk.reports import page, texts
from perfdesk.reports.content import Block, Cell, Chart, Form, Part, Report, Row, Signature, merged_runs
from perfdesk.reports.linebreak import break_balanced
from perfdesk.reports.word import styles
from perfdesk.reports.word.styles import CELL_STYLES, PARAGRAPH_STYLES

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
KEEP_WITH_TAIL = 2  # as in the PDF: rows kept with the total row and the signature
SIGN_LABEL_SHARE = 0.5  # of an item's width, for its label
MM_PT = 72 / 25.4
REPORT_TEXT_WIDTH_MM = page.A4_MM[0] - page.REPORT_MARGINS_MM["left"] - page.REPORT_MARGINS_MM["right"]


def title_lines(title: str, width_mm: float, size_pt: float) -> list[str]:
    """The title's lines broken evenly here, not by Word: Word would leave "告" alone on a line.
    Widths are estimated from the characters (CJK a full em, Latin and digits half an em), a
    little narrower than the text block so Word does not wrap a line again."""
    def char_width(ch: str) -> float:
        return size_pt if unicodedata.east_asian_width(ch) in "WF" else size_pt / 2

    return break_balanced(title, width_mm * MM_PT * 0.96, char_width, texts.TITLE_WORDS)


def plain(text: str | None) -> str:
    """`text` as a run can hold it: no characters XML 1.0 refuses."""
    return _NOT_XML.sub("", text or "")


class WordRenderer:
    def __init__(self, landscape: bool = False):
        self.doc = Document()
        styles.install(self.doc)
        self.landscape = landscape
        self._fresh = True  # the first section is still empty
        # style ids looked up once: python-docx finds a style by name by scanning them all
        self._ids = {style.name: style.style_id for style in self.doc.styles}

    # -- sections and page furniture -------------------------------------------------------
    def _section(self, landscape: bool, margins: dict[str, float]):
        if self._fresh:
            section, self._fresh = self.doc.sections[0], False
        else:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height = page.paper_mm(landscape)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("top", "bottom", "left", "right"):
            setattr(section, f"{side}_margin", Mm(margins[side]))
        section.footer_distance = Mm(8)
        return section

    def _form_section(self, restart: bool, numbering: str):
        margin = page.TABLE_MARGIN_MM
        section = self._section(self.landscape, dict(top=margin, bottom=margin + 5, left=margin, right=margin))
        self._footer(section, numbering)
        if restart:
            number_type = OxmlElement("w:pgNumType")
            number_type.set(qn("w:start"), "1")
            section._sectPr.append(number_type)
        return section

    def _footer(self, section, numbering: str) -> None:
        """COUNT: 第 X 页 (numbered within the section); GB: — n —, odd pages right, even left."""
        section.footer.is_linked_to_previous = False
        if numbering == "gb":
            self.doc.settings.odd_and_even_pages_header_footer = True
            section.even_page_footer.is_linked_to_previous = False
            _fields(section.footer.paragraphs[0], ["— ", "PAGE", " —"], styles.RIGHT)
            _fields(section.even_page_footer.paragraphs[0], ["— ", "PAGE", " —"], styles.LEFT)
        else:
            # "第 X 页" only: a section's page count (SECTIONPAGES) is not kept by every program
            _fields(section.footer.paragraphs[0], ["第 ", "PAGE", " 页"], styles.CENTER)

    # -- text -----------------------------------------------------------------------------
    def paragraph(self, text: str, style: str, container=None):
        container = container or self.doc
        para = container.add_paragraph()
        para._p.style = self._ids[PARAGRAPH_STYLES[style][0]]
        para.add_run(plain(text))
        return para

    # -- tables ---------------------------------------------------------------------------
    def block(self, block: Block, total_mm: float | None = None):
        """One grid as wide as a form's page (or `total_mm`): the caption column merged down, wide
        cells merged across, merged columns merged down over runs of equal keys; head rows repeat
        on every page."""
        total = total_mm or page.PORTRAIT_WIDTH_MM * page.width_scale(self.landscape)
        widths = [Mm(w * total / sum(block.widths)) for w in block.widths]
        off = 1 if block.caption is not None else 0
        rows = [*block.head, *block.rows]
        table = self.doc.add_table(rows=0, cols=len(widths))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _grid_widths(table, widths)
        _cell_margins(table)
        grid = []
        for r, row in enumerate(rows):
            made = table.add_row()
            if r < len(block.head):
                made._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            cells = [_Cell(tc, table) for tc in made._tr.tc_lst]  # row.cells reads the whole table
            for cell, width in zip(cells, widths):
                cell.width = width
            grid.append(cells)
        hidden = _hidden_cells(block, len(block.head))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.cells):
                if cell is not None and (r, c) not in hidden:
                    self._write(grid[r][off + c], cell)
        if block.caption is not None and rows:
            self._write(grid[0][0], block.caption)
            if len(rows) > 1:
                grid[0][0].merge(grid[-1][0])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.cells):
                if cell is not None and cell.span > 1:
                    grid[r][off + c].merge(grid[r][off + c + cell.span - 1])
        for column, start, end in merged_runs(block.rows, block.merge, len(block.head)):
            grid[start][off + column].merge(grid[end][off + column])
        return table

    def signature(self, sign: Signature):
        per_row = 4 if self.landscape else sign.per_row
        rows = sign.rows(per_row)
        if not rows:
            return None
        self.paragraph("", "sign").paragraph_format.keep_with_next = True  # the gap above the block
        item = page.PORTRAIT_WIDTH_MM * page.width_scale(self.landscape) / per_row
        table = self.doc.add_table(rows=len(rows), cols=per_row * 2)
        table.autofit = False
        _grid_widths(table, [Mm(item * share) for _ in range(per_row) for share in (SIGN_LABEL_SHARE, 1 - SIGN_LABEL_SHARE)])
        _cell_margins(table)
        for row in table.rows[:-1]:  # the block stays on one page
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        for r, row in enumerate(rows):
            cells = [_Cell(tc, table) for tc in table.rows[r]._tr.tc_lst]
            for i, line in enumerate(row):
                label, value = cells[2 * i], cells[2 * i + 1]
                label.width, value.width = Mm(item * SIGN_LABEL_SHARE), Mm(item * (1 - SIGN_LABEL_SHARE))
                if line is None:
                    continue
                if line.seal:  # no line to sign on: the label takes the item's width
                    label = label.merge(value)
                self._sign_text(label, line.label if line.seal else texts.SIGN_LABEL.format(label=line.label))
                if not line.seal:
                    self._sign_text(value, line.value, styles.CENTER)
                    _bottom_border(value)
        return table

    def _write(self, cell, content: Cell) -> None:
        name, look = CELL_STYLES[content.style]
        para = cell.paragraphs[0]
        para._p.style = self._ids[name]
        para.alignment = look.align
        para.add_run(plain(content.text))

    def _sign_text(self, cell, text: str, align=None) -> None:
        para = cell.paragraphs[0]
        para._p.style = self._ids[PARAGRAPH_STYLES["sign"][0]]
        if align is not None:
            para.alignment = align
        para.add_run(plain(text))

    def part(self, part: Part):
        """The table a block or signature became (None for text)."""
        if isinstance(part, Block):
            return self.block(part)
        if isinstance(part, Signature):
            return self.signature(part)
        self.paragraph(part.text, part.style)
        return None

    # -- documents ------------------------------------------------------------------------
    def form(self, form: Form, restart: bool = True, numbering: str = "count", caption: str | None = None) -> None:
        self._form_section(restart, numbering)
        if caption:
            self.paragraph(caption, "caption")
        for line in form.title:
            self.paragraph(line.text, line.style)
        for block in form.body:
            self.block(block)
        main = self.block(form.table)
        # the page rule in Word's terms: the last rows, the 总分 rows and the signature keep together
        _keep_with_next(main.rows[-KEEP_WITH_TAIL:] if form.tail else [])
        for part in form.tail:
            made = self.part(part)
            if made is not None and part is not form.tail[-1]:
                _keep_with_next(made.rows)

    def forms(self, forms: Sequence[Form]) -> None:
        for form in forms:
            self.form(form)

    def report(self, report: Report) -> None:
        m = page.REPORT_MARGINS_MM
        section = self._section(False, m)
        self._footer(section, "gb")
        self.paragraph("\n".join(title_lines(report.title, REPORT_TEXT_WIDTH_MM, PARAGRAPH_STYLES["report_title"][2].size)), "report_title")
        for sec in report.sections:
            self.paragraph(sec.heading, "h1")
            for text in sec.paragraphs:
                self.paragraph(text.text, text.style if text.style in ("h2",) else "body")
            if sec.charts:
                self._chart_table(sec.charts, sec.chart_note)
        self.paragraph("", "body")
        for line in report.closing:
            self.paragraph(line, "closing")
        for appendix in report.appendices:
            for i, form in enumerate(appendix.forms):
                self.form(form, restart=False, numbering="gb", caption=appendix.caption if i == 0 else None)

    def _chart_table(self, charts: Sequence[Chart], note: str) -> None:
        """The figures of the report's charts as a table Word users can edit (序号 as in the 汇总表)."""
        count = len(charts[0].values)
        block = Block(
            (20, *[80 / len(charts)] * len(charts)),
            tuple(_figure_row(i, charts) for i in range(count)),
            head=(_row((Cell(texts.CHART_NUMBER, "small_head"), *(Cell(c.title, "small_head") for c in charts))),),
        )
        self.block(block, REPORT_TEXT_WIDTH_MM)
        self.paragraph(texts.CHART_TABLE_NOTE + note.removeprefix(texts.CHART_NOTE), "note")

    def set_properties(self, title: str, created) -> None:
        props = self.doc.core_properties
        props.title, props.author, props.created, props.modified = plain(title), "perfdesk", created, created
        props.last_modified_by, props.revision = "perfdesk", 1

    def save(self, path: Path) -> None:
        """Write the file atomically (a reader never sees half of it).
        Raises WorkspaceError for a workspace file or its side files (ownership.refuse_export_target)."""
        ownership.refuse_export_target(path)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        atomic_write.write_bytes(Path(path), buffer.getvalue())


def _row(cells) -> Row:
    return Row(tuple(cells))


def _figure_row(i: int, charts: Sequence[Chart]):
    return _row((Cell(str(i + 1), "small_center"), *(_figure(c.values[i]) for c in charts)))


def _figure(value: float | None) -> Cell:
    return Cell(texts.DASH, "small_center") if value is None else Cell(f"{value:.2f}", "small_number")


def _hidden_cells(block: Block, first: int) -> set[tuple[int, int]]:
    """The (row, column) cells hidden under a merged label: every row of a run but its first."""
    return {(r, column) for column, start, end in merged_runs(block.rows, block.merge, first)
            for r in range(start + 1, end + 1)}


def _grid_widths(table, widths) -> None:
    """The column grid (LibreOffice and WPS lay a table out from it, not from the cells)."""
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = width


def _cell_margins(table) -> None:
    """The PDF's cell paddings (3 pt at the sides, 1.5 pt above and below): Word's default
    1.9 mm at each side would wrap short labels and figures in the narrow columns."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 30), ("left", 60), ("bottom", 30), ("right", 60)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _keep_with_next(rows) -> None:
    for row in rows:
        for tc in row._tr.tc_lst:
            for p in tc.p_lst:
                p.get_or_add_pPr().keepNext_val = True


def _bottom_border(cell) -> None:
    """The line to sign on."""
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)


def _fields(paragraph, parts: list[str], align) -> None:
    """Text with PAGE / SECTIONPAGES fields (Word fills in the numbers)."""
    paragraph.alignment = align
    for part in parts:
        if part in ("PAGE", "SECTIONPAGES", "NUMPAGES"):
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), part)
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            paragraph._p.append(field)
        else:
            paragraph.add_run(part)
