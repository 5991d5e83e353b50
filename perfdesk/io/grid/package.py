"""Open Packaging Convention files (.xlsx, .docx) read defensively: a zip whose members are
checked before anything is decompressed, XML streamed without DTDs, relationships resolved.

Strict Open XML and transitional files differ only in namespaces; callers compare local names
and relationship types by their last segment, so both read the same.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from lxml import etree
from lxml.etree import _Element as Element

from perfdesk.io import texts
from perfdesk.io.grid import limits
from perfdesk.io.grid.limits import Refusal

_CHUNK = 64 * 1024
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


class Package:
    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise Refusal(texts.BROKEN_ZIP) from None
        infos = self.zip.infolist()
        self.names = {i.filename for i in infos}
        total = sum(i.file_size for i in infos)
        bomb = any(i.file_size > limits.RATIO_FLOOR and i.file_size > limits.MAX_RATIO * max(i.compress_size, 1)
                   for i in infos)
        if total > limits.MAX_UNCOMPRESSED or bomb:
            self.zip.close()
            raise Refusal(texts.ZIP_BOMB.format(mb=total // 1024 // 1024))

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self, name: str) -> bytes:
        with self._broken_as_refusal():
            data = self.zip.read(name)
        _refuse_dtd(data[:4096])
        return data

    def elements(self, name: str, tags: tuple[str, ...] | None = None) -> Iterator[Element]:
        """The elements of a member with these local names (all when None), each at its end tag,
        parsed as the member decompresses. Each element is freed after the caller has seen it."""
        with self._broken_as_refusal(), self.zip.open(name) as stream:
            _refuse_dtd(stream.read(4096))
        wanted = tuple(f"{{*}}{tag}" for tag in tags) if tags else None
        with self._broken_as_refusal(), self.zip.open(name) as stream:
            parsed = etree.iterparse(stream, events=("end",), tag=wanted, resolve_entities=False, no_network=True,
                                     load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
            try:
                for _, element in parsed:
                    yield element
                    element.clear()
                    parent = element.getparent()
                    while parent is not None and element.getprevious() is not None:
                        del parent[0]
            except etree.XMLSyntaxError:
                raise Refusal(texts.BROKEN_XML.format(part=name)) from None

    def count(self, names: list[str], patterns: dict[str, re.Pattern], limits_by_name: dict[str, tuple[int, str]]) -> None:
        """Count pattern matches in members as they decompress; refuse at the first count over its limit.

        Byte counting runs at decompression speed, so a hostile member is refused before any
        XML is parsed."""
        totals = dict.fromkeys(patterns, 0)
        for name in names:
            tail = b""
            with self._broken_as_refusal(), self.zip.open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    data = tail + chunk
                    for key, pattern in patterns.items():
                        totals[key] += len(pattern.findall(data)) - len(pattern.findall(tail))
                        limit, what = limits_by_name[key]
                        if totals[key] > limit:
                            raise Refusal(texts.TOO_MANY.format(what=what, limit=limit))
                    tail = data[-16:]

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id -> (type's last segment, member name) of a part's relationships ("" = the package)."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.names:
            return {}
        found = {}
        for element in self.elements(rels, ("Relationship",)):
            if element.get("TargetMode") != "External":
                target = element.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                found[element.get("Id", "")] = (element.get("Type", "").rpartition("/")[2], name)
        return found

    def main_part(self) -> str | None:
        """The package's main part (the workbook or the document), from _rels/.rels."""
        for kind, name in self.relationships("").values():
            if kind == "officeDocument" and name in self.names:
                return name
        return None

    @contextmanager
    def _broken_as_refusal(self):
        try:
            yield
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, KeyError, RuntimeError):
            raise Refusal(texts.BROKEN_ZIP) from None  # a damaged deflate stream raises zlib.error


def _refuse_dtd(head: bytes) -> None:
    if any(mark in head for mark in _DTD_MARKS):
        raise Refusal(texts.XML_WITH_DTD)
