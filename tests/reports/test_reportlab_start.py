"""Starting reportlab (reports.pdf): Pillow and the patterns over all of Unicode wait until used."""
import re
import subprocess
import sys

from perfdesk.reports.pdf import DeferredPattern

PROBE = """
import re, sys
compile_before = re.compile
import perfdesk.reports.pdf
pillow = "PIL._imaging" in sys.modules  # before looking at modules' values: that loads it
patterns = [(name, value) for m in list(sys.modules) if m.startswith("reportlab")
            for name, value in vars(sys.modules[m]).items() if isinstance(value, (re.Pattern, perfdesk.reports.pdf.DeferredPattern))]
print(re.compile is compile_before, pillow,
      sorted(name for name, value in patterns if isinstance(value, re.Pattern) and "\\uffff" in value.pattern),
      len([name for name, value in patterns if isinstance(value, perfdesk.reports.pdf.DeferredPattern)]))
"""


def test_reportlab_starts_without_pillow_or_patterns_over_all_unicode():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
    restored, pillow, compiled, deferred = out[0], out[1], out[2], int(out[3])
    assert (restored, pillow, compiled) == ("True", "False", "[]") and deferred >= 1


def test_deferred_patterns_work_as_compiled_ones():
    import reportlab.lib.textsplit
    import reportlab.platypus.paragraph

    samples = ["https://例子.测试/路径?q=1", "http://192.168.0.1:8080/x", "预算绩效 abc，。", "", "www.", "ftp://a-b.cn"]
    deferred = [value for module in (reportlab.lib.textsplit, reportlab.platypus.paragraph)
                for value in vars(module).values() if isinstance(value, DeferredPattern)]
    assert deferred
    for pattern in deferred:
        plain = re.compile(pattern.pattern, pattern.flags)
        for text in samples:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert pattern.sub(r"\g<0> ", text) == plain.sub(r"\g<0> ", text)
    made = DeferredPattern("([\u2e80-\uffff])", re.UNICODE, re.compile)
    assert "compiled" not in vars(made)  # nothing compiled until used
    assert made.sub(r"\1 ", "预算ab") == "预 算 ab" and isinstance(made.compiled, re.Pattern)
