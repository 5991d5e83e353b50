"""The one exception every importer raises for a file it will not read."""
from __future__ import annotations


class ImportRefused(ValueError):
    """A file cannot be imported; the message is Chinese and names the file.

    `notes` says what was looked at on the way (sheets without a table, blocks without data),
    so the refusal can be explained in full.
    """

    def __init__(self, message: str, notes: list[str] | tuple[str, ...] = ()):
        super().__init__(message)
        self.notes = tuple(notes)
