"""The Yellow Button flow: one wizard from "what" to "done".

Steps: 1 what to share, 2 how (download or link), 3 options, 4 preview and
confirm, 5 done. Every piece of long work (the preview, unlocking or
creating a key, writing or publishing) runs through ``gui.worker.Worker`` with
progress and a Cancel button, so the window never freezes; nothing leaves the
computer before the person presses "Share now".

Open it with ``ShareFlow(document)``; it emits ``finished()`` after the done
screen and ``cancelled()`` when the person stops. As a main-window page it
also takes ``context`` and emits ``close_requested()`` with either.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.sharing import delivery
from xshare_desktop.core.sharing.pseudonymise import new_salt
from xshare_desktop.core.signing import SigningIdentity
from xshare_desktop.gui import errors
from xshare_desktop.gui.context import AppContext
from xshare_desktop.gui.flow import tasks
from xshare_desktop.gui.flow.parts import (
    FLOW_STYLE,
    BusyPanel,
    FlowMessage,
    StepIndicator,
    StepPage,
)
from xshare_desktop.gui.flow.plan import FlowOptions, delivery_for, share_options
from xshare_desktop.gui.flow.step_choose import ChooseStep
from xshare_desktop.gui.flow.step_done import DoneStep
from xshare_desktop.gui.flow.step_how import LINK, HowStep
from xshare_desktop.gui.flow.step_options import OptionsStep
from xshare_desktop.gui.flow.step_preview import PreviewStep
from xshare_desktop.gui.formatting import format_moment
from xshare_desktop.gui.style import set_heading
from xshare_desktop.gui.views.link_host import stop_link_host
from xshare_desktop.gui.worker import Worker

STEPS = ("choose", "how", "options", "preview", "done")


class ShareFlow(QWidget):
    finished = Signal()
    cancelled = Signal()
    close_requested = Signal()

    def __init__(
        self,
        document: Any = None,
        parent: QWidget | None = None,
        *,
        context: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ShareFlow")
        self.setStyleSheet(FLOW_STYLE)
        self._context = context
        self._document: Any = None
        self._worker: Worker | None = None
        self._identity: SigningIdentity | None = None
        self._salt = new_salt()
        self._plan: FlowOptions | None = None
        self._generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 16)
        layout.setSpacing(12)
        self.title = QLabel()
        self.title.setObjectName("FlowTitle")
        set_heading(self.title, 2)
        self.indicator = StepIndicator(len(STEPS))
        self.banner = FlowMessage()
        self.choose = ChooseStep(self._lang())
        self.how = HowStep()
        self.options = OptionsStep()
        self.preview = PreviewStep()
        self.done = DoneStep()
        self.stack = QStackedWidget()
        self.pages: list[StepPage] = [self.choose, self.how, self.options, self.preview, self.done]
        for page in self.pages:
            self.stack.addWidget(page)
        self.busy = BusyPanel()
        self.busy.cancel_clicked.connect(self.cancel_work)

        footer = QHBoxLayout()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("FlowCancel")
        self.cancel_button.setProperty("role", "primary")
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button = QPushButton()
        self.back_button.setObjectName("FlowBack")
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("FlowNext")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.go_next)
        self.share_button = QPushButton()
        self.share_button.setObjectName("YellowButton")
        self.share_button.clicked.connect(self.go_next)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("FlowFinish")
        self.finish_button.setProperty("role", "primary")
        self.finish_button.clicked.connect(self.finish)
        # How this step works, on the help page (also F1); Back there returns to this step.
        self.help_button = QPushButton()
        self.help_button.setObjectName("FlowHelp")
        self.help_button.setProperty("role", "link")
        self.help_button.clicked.connect(self.show_help)
        self.help_button.setVisible(context is not None)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.help_button)
        footer.addStretch(1)
        for button in (self.back_button, self.next_button, self.share_button, self.finish_button):
            button.setMinimumHeight(44)
            footer.addWidget(button)

        layout.addWidget(self.title)
        layout.addWidget(self.indicator)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busy)
        layout.addLayout(footer)

        self.how.method_changed.connect(self.options.set_method)
        self.options.create_key_requested.connect(self._create_key)
        QShortcut(QKeySequence("Alt+Right"), self, self.go_next)
        QShortcut(QKeySequence("Alt+Left"), self, self.go_back)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_work)
        self.retranslate()
        self.set_document(document if document is not None else self._context_document())

    # -- public --------------------------------------------------------------------------------
    @property
    def step(self) -> str:
        return STEPS[self.stack.currentIndex()]

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    @property
    def identity(self) -> SigningIdentity | None:
        return self._identity

    def set_document(self, document: Any) -> None:
        """Start again at step 1 for ``document`` (a ``core.document.Document``).

        The same document again while the person is still choosing changes nothing,
        so a page host that announces the open document twice keeps their ticks.
        """
        if document is self._document and self.step == "choose" and not self.is_busy:
            return
        self._restart(document)

    def _restart(self, document: Any) -> None:
        self.cancel_work()
        # Results of work started before this point belong to a flow that no longer exists.
        self._generation += 1
        if self._worker is not None:
            self._worker = None
            self._show_idle()
        self._document = document
        self._identity = None
        self._plan = None
        self.options.clear()
        self.how.set_method("download")
        self.choose.set_document(document)
        info = getattr(document, "patient_info", None)
        if info is not None and info.name:
            self.options.suggest_name(info.name)
        self.preview.clear()
        self._show_step(0)

    def reset(self) -> None:
        """Booth "Start over": forget the choice and the unlocked key; stop served links."""
        self._salt = new_salt()
        stop_link_host()  # on the worker: closing the host's sockets takes a moment
        self._restart(self._document)

    def go_next(self) -> None:
        if self.is_busy or not self.isEnabled():
            return
        self.banner.dismiss()
        step = self.step
        if step == "choose":
            kept, _total = self.choose.entry_counts()
            if kept == 0:
                self.banner.show_message(self.tr("Tick at least one entry to share."), kind="info")
                return
            self._show_step(1)
        elif step == "how":
            self.options.set_method(self.how.method)
            self._show_step(2)
        elif step == "options":
            self._leave_options()
        elif step == "preview":
            self._share_now()
        else:
            self.finish()

    def show_help(self) -> None:
        if self._context is not None:
            self._context.request_help(self.step)

    def go_back(self) -> None:
        if self.is_busy:
            return
        index = self.stack.currentIndex()
        if 0 < index < STEPS.index("done"):
            self.banner.dismiss()
            self._show_step(index - 1)

    def cancel(self) -> None:
        """Stop the whole flow; nothing is shared (a running task is cancelled first)."""
        self.cancel_work()
        self.cancelled.emit()
        self.close_requested.emit()
        self._restart(self._document)

    def finish(self) -> None:
        """Leave the done screen; the next visit starts afresh (no choice is remembered)."""
        self.finished.emit()
        self.close_requested.emit()
        self._restart(self._document)

    def cancel_work(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.busy.cancel.setEnabled(False)

    # -- steps ---------------------------------------------------------------------------------
    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.indicator.set_current(index)
        name = STEPS[index]
        self.back_button.setVisible(0 < index < STEPS.index("done"))
        self.next_button.setVisible(name in ("choose", "how", "options"))
        self.share_button.setVisible(name == "preview")
        self.share_button.setEnabled(self.preview.preview is not None)
        self.finish_button.setVisible(name == "done")
        self.cancel_button.setVisible(name != "done")
        focus = self.pages[index].first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave_options(self) -> None:
        problem = self.options.problem_text()
        self.options.show_problem(problem)
        if problem:
            return
        plan = self.options.options()
        if plan.sign and self._identity is None:
            self._run(
                self.tr("Opening your signing key…"),
                tasks.unlock_key,
                self.options.key_panel.passphrase.text(),
                on_ok=self._key_unlocked,
            )
            return
        self._start_preview()

    def _key_unlocked(self, identity: SigningIdentity) -> None:
        self._identity = identity
        self._start_preview()

    def _create_key(self, name: str, passphrase: str) -> None:
        self._run(
            self.tr("Creating your signing key…"),
            tasks.create_key,
            name,
            "",
            passphrase,
            on_ok=self._key_created,
        )

    def _key_created(self, identity: SigningIdentity) -> None:
        self._identity = identity
        self.options.key_panel.refresh()
        self.options.key_panel.status.setText(
            self.tr("Your signing key is ready: %1.").replace("%1", identity.subject_name)
        )
        self.options.show_problem(None)

    def _start_preview(self) -> None:
        self._plan = self.options.options()
        self.preview.clear()
        self._salt = new_salt()
        self._show_step(STEPS.index("preview"))
        self._run(
            self.tr("Preparing the preview…"),
            tasks.make_preview,
            dict(self._document.raw),
            self.choose.selection(),
            share_options(self._plan, self._lang()),
            self._lang(),
            self._salt,
            on_ok=self._preview_ready,
            on_stop=lambda: self._show_step(STEPS.index("options")),
        )

    def _preview_ready(self, preview: tasks.Preview) -> None:
        self.preview.show_preview(preview, self._plan_lines())
        self.share_button.setEnabled(True)

    def _share_now(self) -> None:
        preview = self.preview.preview
        if preview is None or self._plan is None:
            return
        plan = self._plan
        outcome: list[delivery.DeliveryResult] = []
        self._run(
            self.tr("Sharing…"),
            tasks.deliver,
            preview.prepared,
            share_options(plan, self._lang()),
            delivery_for(plan, self.how.method),
            plan.folder if self.how.method != LINK else None,
            self._identity if plan.sign else None,
            outcome,
            plan.open_copy_folder if self.how.method != LINK else None,
            on_ok=self._shared,
            on_stop=lambda: self._cancelled_too_late(outcome),
        )

    def _cancelled_too_late(self, outcome: list[delivery.DeliveryResult]) -> None:
        if outcome:
            self._shared(outcome[0])
            self.banner.show_message(
                self.tr("It was already shared when you pressed Cancel; here is what and where."),
                kind="info",
            )

    def _shared(self, result: delivery.DeliveryResult) -> None:
        self.done.show_result(result)
        self._show_step(STEPS.index("done"))

    # -- running work ----------------------------------------------------------------------------
    def _run(
        self,
        text: str,
        fn: Callable[..., Any],
        *args: Any,
        on_ok: Callable[[Any], None],
        on_stop: Callable[[], None] | None = None,
    ) -> Worker:
        worker = Worker(fn, *args)
        generation = self._generation

        def current() -> bool:
            return generation == self._generation

        worker.progress.connect(lambda done, total, _text: self.busy.update_progress(done, total))
        worker.finished_ok.connect(lambda result: on_ok(result) if current() else None)
        worker.failed.connect(lambda exc: self._failed(exc, on_stop) if current() else None)
        if on_stop is not None:
            worker.cancelled.connect(lambda: on_stop() if current() else None)
        worker.done.connect(lambda: self._work_done(worker))
        self._worker = worker
        self.busy.start(text, self.tr("Cancel"))
        self.stack.setEnabled(False)
        # While work runs, the busy panel's Cancel is the one way out: it stops the work
        # and reports what (if anything) was already shared.
        for button in (self.back_button, self.next_button, self.share_button, self.cancel_button):
            button.setEnabled(False)
        worker.start()
        return worker

    def _work_done(self, worker: Worker) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._show_idle()

    def _show_idle(self) -> None:
        self.busy.hide()
        self.stack.setEnabled(True)
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setEnabled(True)
        self.share_button.setEnabled(self.preview.preview is not None)
        focus = self.pages[self.stack.currentIndex()].first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: object, on_stop: Callable[[], None] | None) -> None:
        if on_stop is not None:
            on_stop()
        if isinstance(exc, UserFacingError):
            self.banner.show_message(errors.user_message(exc))
        elif isinstance(exc, BaseException):
            errors.present(exc, self)

    # -- texts ------------------------------------------------------------------------------------
    def _context_document(self) -> Any:
        return self._context.document if self._context is not None else None

    def _lang(self) -> str:
        if self._context is not None:
            return self._context.ui_language
        return "da" if QLocale().language() == QLocale.Language.Danish else "en"

    def _plan_lines(self) -> list[str]:
        plan = self._plan or self.options.options()
        lines: list[str] = []
        names: dict[tuple[str, ...], str] = {
            ("fhir-json",): self.tr("The FHIR document"),
            ("pdf",): self.tr("The PDF"),
        }
        formats = names.get(plan.formats, self.tr("The FHIR document and its PDF"))
        if self.how.method == LINK:
            lines.append(self.tr("%1 behind a link with a QR code.").replace("%1", formats))
            if plan.expires_in is None:
                lines.append(self.tr("The link works until you revoke it."))
            else:
                until = format_moment(time.time() + plan.expires_in)
                lines.append(self.tr("The link works until about %1.").replace("%1", until))
            if plan.one_time:
                lines.append(self.tr("It can be opened only once."))
            if plan.passcode is not None:
                lines.append(self.tr("The recipient must type the passcode."))
            if plan.local_network:
                lines.append(self.tr("Phones on this network can open it."))
        else:
            lines.append(
                self.tr("%1, saved in %2.").replace("%1", formats).replace("%2", plan.folder)
            )
            if plan.package:
                lines.append(self.tr("All in one xShare package."))
            if plan.password is not None:
                lines.append(self.tr("Protected with your password."))
            if plan.open_copy_folder:
                lines.append(
                    self.tr("An unprotected copy of the PDF stays with you in %1.").replace(
                        "%1", plan.open_copy_folder
                    )
                )
        if plan.sign and self._identity is not None:
            lines.append(self.tr("Signed by %1.").replace("%1", self._identity.subject_name))
        if plan.pseudonymise:
            lines.append(self.tr("Pseudonymised: your name and numbers are replaced."))
        if plan.language == "da":
            lines.append(self.tr("In Danish."))
        elif plan.language == "en":
            lines.append(self.tr("In English."))
        return lines

    def retranslate(self) -> None:
        self.title.setText(self.tr("Share with the Yellow Button"))
        self.setAccessibleName(self.tr("Share with the Yellow Button"))
        self.indicator.set_names(
            [self.tr("What"), self.tr("How"), self.tr("Options"), self.tr("Check"), self.tr("Done")]
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel sharing"))
        self.help_button.setText(self.tr("How does this step work?"))
        self.help_button.setAccessibleName(self.tr("How does this step work? Opens the help"))
        # "Previous step", not "Back": the main window's bar has its own Back (to the page before).
        self.back_button.setText(self.tr("Previous step"))
        self.back_button.setToolTip(self.tr("Previous step (Alt+Left)"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next (Alt+Right)"))
        self.share_button.setText(self.tr("Share now"))
        self.share_button.setAccessibleName(self.tr("Share now"))
        self.finish_button.setText(self.tr("Done"))
        if self.busy.isVisible():
            self.busy.cancel.setText(self.tr("Cancel"))
        preview = self.preview.preview
        if preview is not None and self._document is not None:
            lang = self._lang()
            raw = dict(self._document.raw)
            lines = tasks.plain_left_out_lines(preview.prepared.left_out, raw, lang)
            self.preview.show_preview(tasks.Preview(preview.prepared, lines), self._plan_lines())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.choose.set_language(self._lang())
            self.retranslate()
        super().changeEvent(event)
