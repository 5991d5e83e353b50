"""Named styles of the Word documents, so offices restyle them in Word/WPS instead of each
paragraph: 正文 (Normal), 标题 1 / 标题 2 (Heading 1/2; Chinese Word and WPS show the built-in
names in Chinese, and each carries its Chinese alias too), 标题 (Title), and the table styles.

Every style names its East-Asian face (w:eastAsia): Word and WPS on Windows then use 宋体, 仿宋,
黑体 and 楷体 rather than a Latin font's fallback.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

SONG, FANG, HEI, KAI = "宋体", "仿宋", "黑体", "楷体"
TITLE_FACE = "方正小标宋简体"  # GB/T 9704 小标宋; Word substitutes 宋体 where it is not installed
LATIN = "Times New Roman"
CENTER, RIGHT, LEFT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


@dataclass(frozen=True)
class Look:
    face: str  # East-Asian face
    size: float  # points
    align: object = LEFT
    bold: bool = False
    line: float | None = None  # exact line spacing, points
    indent: float = 0.0  # first line, points
    before: float = 0.0
    after: float = 0.0


# content style name -> (Word style name, Chinese alias, look)
PARAGRAPH_STYLES = {
    "body": ("Normal", "正文", Look(FANG, 16, JUSTIFY, line=28.9, indent=32)),
    "h1": ("Heading 1", "标题 1", Look(HEI, 16, line=28.9)),
    "h2": ("Heading 2", "标题 2", Look(KAI, 16, line=28.9, indent=32)),
    "report_title": ("Title", "标题", Look(TITLE_FACE, 22, CENTER, line=34, after=18)),
    "closing": ("落款", "落款", Look(FANG, 16, RIGHT, line=28.9)),
    "caption": ("附件标题", "附件标题", Look(HEI, 12, CENTER, before=6, after=6)),
    "title": ("表格标题", "表格标题", Look(HEI, 17, CENTER, before=0, after=2)),
    "subtitle": ("表格副标题", "表格副标题", Look(SONG, 11, CENTER, after=4)),
    "note": ("表注", "表注", Look(SONG, 9)),
    "continued": ("表注", "表注", Look(SONG, 9)),
    "sign": ("签字栏", "签字栏", Look(SONG, 11)),
}
# cell styles: content style -> look (set on the cell's paragraph style "表格文字"/"表头" plus alignment)
CELL_STYLES = {
    "cell": ("表格文字", Look(SONG, 10)),
    "center": ("表格文字", Look(SONG, 10, CENTER)),
    "number": ("表格文字", Look(SONG, 10, RIGHT)),
    "head": ("表头", Look(HEI, 9.5, CENTER)),
    "small": ("表格小字", Look(SONG, 9)),
    "small_center": ("表格小字", Look(SONG, 9, CENTER)),
    "small_number": ("表格小字", Look(SONG, 9, RIGHT)),
    "small_head": ("表头小字", Look(HEI, 8.5, CENTER)),
}


def set_faces(rpr_owner, face: str) -> None:
    """Name the East-Asian face (and a Latin face for digits) on a style or run."""
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute, value in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:eastAsia", face), ("w:cs", LATIN)):
        fonts.set(qn(attribute), value)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # they would win over the names
        fonts.attrib.pop(qn(theme), None)


def _alias(style, alias: str) -> None:
    if alias == style.name:
        return
    element = OxmlElement("w:aliases")
    element.set(qn("w:val"), alias)
    style.element.insert(1, element)


def _apply(style, look: Look) -> None:
    style.font.size = Pt(look.size)
    style.font.bold = look.bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_faces(style, look.face)
    fmt = style.paragraph_format
    fmt.alignment = look.align
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    fmt.first_line_indent = Pt(look.indent)
    borders = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
    if borders is not None:  # the template's Title has a rule under it
        style.element.pPr.remove(borders)
    if look.line:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(look.line)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def install(document) -> None:
    """Define every style used by the renderer in `document`."""
    styles = document.styles
    for name, alias, look in PARAGRAPH_STYLES.values():
        style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if name not in ("Normal",) and style.base_style is None and name != "Title":
            style.base_style = styles["Normal"]
        _apply(style, look)
        _alias(style, alias)
    for name, look in {name: look for name, look in CELL_STYLES.values()}.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        _apply(style, Look(look.face, look.size))
