"""The one exception every importer raises for a file it will not read."""


class ImportRefused(ValueError):
    """A file cannot be imported; the message is Chinese and names the file."""
