"""The one question asked before the link host opens to the local network (phones at the booth).

The Shared links page and step 3 of the share wizard ask it the same way: a warning, with
No as the default, so the host stays on this computer unless the person says yes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_local_network(parent: QWidget | None) -> bool:
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("LocalNetwork", "Open the link host to the local network?"),
        QCoreApplication.translate(
            "LocalNetwork",
            "Phones and computers on this network will be able to reach the link host. "
            "Anyone among them who gets one of your links can fetch it. Do this only on a "
            "network you trust, and turn it off afterwards.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
