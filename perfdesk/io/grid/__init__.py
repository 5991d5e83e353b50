"""Every file format (and the clipboard) as one `Grid` of displayed cells; see `model.py` and `sources.py`."""
