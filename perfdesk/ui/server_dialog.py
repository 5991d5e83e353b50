"""文件 → 连接服务器: the address of a workspace on a PostgreSQL server, and its password.

The password is asked only when the server wants one that PostgreSQL's own password file or
service file does not give; it is used for that connection and never stored.
"""
from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from perfdesk.ui import preferences

HINT = "密码不会被保存：可写在 PostgreSQL 的密码文件（pgpass）中，否则连接时询问。"


class ServerDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("连接服务器")
        store = preferences.settings()
        self.host = QLineEdit(store.value("server/host", ""), placeholderText="例如 192.168.1.20 或 db.jixiao.local")
        self.port = QSpinBox(minimum=1, maximum=65535, value=int(store.value("server/port", 5432)))
        self.database = QLineEdit(store.value("server/database", ""), placeholderText="例如 jixiao")
        self.user = QLineEdit(store.value("server/user", ""), placeholderText="您的数据库用户名")
        for widget, name in ((self.host, "host"), (self.database, "database"), (self.user, "user")):
            widget.setObjectName(f"server-{name}")
        form = QFormLayout(self)
        form.addRow("服务器：", self.host)
        form.addRow("端口：", self.port)
        form.addRow("数据库：", self.database)
        form.addRow("用户名：", self.user)
        form.addRow(QLabel(HINT, wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("连接")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.problem = QLabel(wordWrap=True, styleSheet="color: #a40000;", visible=False)
        form.addRow(self.problem)

    def address(self) -> str:
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address goes in brackets, before the port
        return f"postgresql://{quote(user, safe='')}@{host}:{self.port.value()}/{quote(database, safe='')}"

    def _accept(self) -> None:
        missing = [name for name, w in (("服务器", self.host), ("数据库", self.database), ("用户名", self.user))
                   if not w.text().strip()]
        if missing:
            self.problem.setText(f"请填写{'、'.join(missing)}")
            self.problem.show()
            return
        store = preferences.settings()
        for key, value in (("host", self.host.text().strip()), ("port", self.port.value()),
                           ("database", self.database.text().strip()), ("user", self.user.text().strip())):
            store.setValue(f"server/{key}", value)
        self.accept()


def ask_password(parent, reason: str) -> str | None:
    """The password typed for this connection, or None when the officer cancels."""
    text, ok = QInputDialog.getText(parent, "输入密码", f"{reason}：", QLineEdit.EchoMode.Password)
    return text if ok and text else None
