from perfdesk.io.files import ImportRefused, read_tables
from perfdesk.scoring.engine import score_evaluation


def import_or_refuse(path):
    """Read a file as the importer does: tables that score without error, or a Chinese refusal."""
    try:
        evaluations = read_tables(path)
    except ImportRefused as exc:
        assert str(exc) and not str(exc).isascii()
        return []
    for ev in evaluations:
        score_evaluation(ev)
    return evaluations
