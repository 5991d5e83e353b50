"""The PDF renderer: content (reports.content) set with reportlab platypus and bundled fonts."""
