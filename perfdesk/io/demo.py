"""The default workspace in the user's data folder, created on first launch with a demo table."""
from __future__ import annotations

from pathlib import Path

from perfdesk.data_folder import data_dir
from perfdesk.resources import resource

DEFAULT_NAME = "默认工作区.perfdesk"
DEMO_TABLE = resource("demo", "yangpu_2022_chengxiang_yiliao_jiuzhu.json")


def default_workspace() -> Path:
    path = data_dir() / DEFAULT_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)  # the first launch: the user data folder
        create_with_demo(path)
    return path


def create_with_demo(path: Path) -> None:
    from perfdesk.io import exchange  # only on the first launch
    from perfdesk.models import Workspace
    evaluations = exchange.loads(DEMO_TABLE.read_text(encoding="utf-8"))
    with Workspace.create(path) as ws:
        ws.import_evaluations(evaluations)
