"""The host row of the Shared links page: its status light, Start/Stop, the local-network switch.

``LinkHostPanel`` steers the app's one link host through ``link_host.LinkHostController``
(shared with the share wizard) and shows its state, whoever changed it; starting and stopping
run on the worker. ``link_view.LinkView`` adds the rest of the page's behaviour.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.shl import app_host
from xshare_desktop.gui import errors
from xshare_desktop.gui.local_network import confirm_local_network
from xshare_desktop.gui.views.link_host import LinkHostController, start_host_task
from xshare_desktop.gui.views.link_layout import LinkViewLayout, tone_colour
from xshare_desktop.gui.worker import Worker


class LinkHostPanel(LinkViewLayout):
    """The page's layout with its link host row working; ``create_status`` shows its errors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = LinkHostController(self)
        self.host.state_changed.connect(self._show_host_state)
        self._host_worker: Worker | None = None  # starting the link host
        self._stop_worker: Worker | None = None  # stopping it
        self.host_button.clicked.connect(self.toggle_host)
        self.lan_check.toggled.connect(self._lan_toggled)

    def _host_state_shown(self) -> None:
        """Called after the host's state is shown, for what else on the page depends on it."""

    # -- host ----------------------------------------------------------------------------------
    def host_state(self) -> str:
        """'stopped', 'this-computer' or 'local-network': what the status line says."""
        if not self.host.running:
            return "stopped"
        return "local-network" if self.host.local_network else "this-computer"

    def _show_host_state(self) -> None:
        state = self.host_state()
        if state != "stopped":
            # The switch tells the truth about a running host, whoever started it; while the
            # host is stopped it keeps the person's choice for the next start.
            self.lan_check.blockSignals(True)
            self.lan_check.setChecked(state == "local-network")
            self.lan_check.blockSignals(False)
        if state == "stopped":
            colour = tone_colour("idle")
            self.host_status.setText(
                self.tr("The link host is stopped: nobody can fetch your links right now.")
            )
            starts = self.tr("It starts by itself when you create a link, or press Start.")
            if self.lan_check.isChecked():
                # Say before it runs where phones will find it.
                preview = app_host.network_address_preview()
                starts += " " + (
                    self.tr("Phones will reach it at %1.").replace("%1", preview)
                    if preview
                    else self.tr("This computer is not on a local network now.")
                )
            self.host_address.setText(starts)
            self.host_button.setText(self.tr("Start link host"))
        else:
            address = self.tr("Address: %1").replace("%1", self.host.base_url or "")
            if state == "local-network":
                colour = tone_colour("warning")
                self.host_status.setText(self.tr("Phones on this network can fetch links."))
                self.host_address.setText(
                    address + " · " + self.tr("Turn this off after the demonstration.")
                )
            else:
                colour = tone_colour("ok")
                self.host_status.setText(self.tr("Only this computer can fetch links."))
                self.host_address.setText(address)
            self.host_button.setText(self.tr("Stop link host"))
        if self.host_starting and state == "stopped":
            self.host_status.setText(self.tr("The link host is starting…"))
        self.host_button.setEnabled(not self.host_starting and not self.host_stopping)
        self.host_light.setStyleSheet(f"background: {colour}; border-radius: 8px;")
        self.host_light.setAccessibleName(self.host_status.text())
        # The warning matters while phones can reach the host; the switch itself asks first.
        self.lan_warning.setVisible(self.lan_check.isChecked())
        self._host_state_shown()

    def toggle_host(self) -> None:
        if self.host.running:
            self.stop_host()
            return
        self.start_host()

    @property
    def host_starting(self) -> bool:
        return self._host_worker is not None and self._host_worker.is_running

    @property
    def host_stopping(self) -> bool:
        return self._stop_worker is not None and self._stop_worker.is_running

    def stop_host(self) -> Worker:
        """Stop the host on the worker (closing its sockets); the button waits until it has."""
        worker = self.host.stop()
        worker.done.connect(self._show_host_state)
        self._stop_worker = worker
        self._show_host_state()
        return worker

    def start_host(self) -> Worker:
        """Start the host (or move it, as the local-network switch says) on a worker thread;
        the status line says it is starting, and an error shows under "Create link"."""
        worker = Worker(start_host_task, self.lan_check.isChecked())
        worker.failed.connect(lambda exc: self._failed(self.create_status, exc))
        worker.done.connect(self._show_host_state)
        self._host_worker = worker.start()
        self._show_host_state()
        return worker

    def confirm_local_network(self) -> bool:
        return confirm_local_network(self)

    def _lan_toggled(self, checked: bool) -> None:
        if checked and not self.confirm_local_network():
            self.lan_check.blockSignals(True)
            self.lan_check.setChecked(False)
            self.lan_check.blockSignals(False)
            return
        if self.host.running:
            self.start_host()
        self._show_host_state()

    # -- plumbing ------------------------------------------------------------------------------
    def _say(self, label: QLabel, text: str, *, error: bool = False) -> None:
        label.setProperty("tone", "error" if error else "")
        label.setStyleSheet(f"color: {tone_colour('error')};" if error else "")
        label.setText(text)
        label.setVisible(bool(text))

    def _failed(self, label: QLabel, exc: object) -> None:
        if isinstance(exc, UserFacingError):
            self._say(label, errors.message_text(exc), error=True)
        elif isinstance(exc, BaseException):
            errors.present(exc, self)
