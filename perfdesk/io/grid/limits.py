"""How much a file may hold before it is refused unread, and the refusal every grid source raises.

The counts are cheap to take while the file is streamed (cells, rows, merged ranges, strings,
table cells in Word), so a hostile file is refused after a bounded amount of work: well inside
10 s and 500 MB for any input (see benchmarks/bench_hostile.py). Real tables are far below them:
a 20-sheet workbook of 200 evaluation tables holds about 80,000 cells.
"""
from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # declared, all members of a zip together
MAX_RATIO = 200  # uncompressed ÷ compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_CELLS = 200_000  # cell elements in a workbook, cell records in an .xls, table cells in a .docx
MAX_ROWS = 50_000  # row elements or records in a whole file
MAX_MERGES = 20_000
MAX_MERGED_AREA = 2_000_000  # cells covered by merged ranges (after clipping to the data)
MAX_STRINGS = 200_000  # shared strings
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_STYLES = 65_000  # cell formats (Excel allows 64,000)
MAX_SHEETS = 255


class Refusal(ValueError):
    """The file is refused; the message is Chinese, without the file name."""
