from pathlib import Path

from perfdesk.io import exchange
from perfdesk.models import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def workspace_with(tmp_path, *names) -> Workspace:
    ws = Workspace.create(tmp_path / "ui.perfdesk")
    for name in names:
        ws.import_evaluations(exchange.loads((FIXTURES / name).read_text(encoding="utf-8")))
    return ws
