"""Formats only LibreOffice reads (.doc, WPS's own .et/.wps): converted by headless `soffice`
when it is installed, into a private temporary folder that is removed afterwards."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from perfdesk.io import texts
from perfdesk.io.grid.limits import Refusal

TIMEOUT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextmanager
def converted(path: Path, target: str, what: str) -> Iterator[Path]:
    """`path` converted to `target` ("xlsx" or "docx"); refused when LibreOffice is missing or fails."""
    program = soffice()
    if program is None:
        raise Refusal(texts.NEEDS_RESAVE.format(what=what, target=target))
    with tempfile.TemporaryDirectory(prefix="perfdesk-convert-") as folder:
        profile = Path(folder, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", folder, str(path)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise Refusal(texts.CONVERSION_FAILED.format(what=what, target=target)) from None
        result = Path(folder, path.stem + "." + target)
        if not result.is_file():
            raise Refusal(texts.CONVERSION_FAILED.format(what=what, target=target))
        yield result
