"""Pages of the main window and how views plug in.

A page is a QWidget shown in the main window's ``Navigator`` (a
QStackedWidget). Built-in pages are start, document and about. Feature views
written elsewhere register with ONE line in ``PLUGIN_PAGES`` below; the
module is imported lazily, the first time its page opens, and the page is
only offered at all if the module exists (a missing feature is not shown).

Contract for a plug-in view class (all optional except being a QWidget):
- constructor: keyword arguments are filled by name from ``context``
  (``AppContext``), ``settings``, ``document`` (the open Document) and
  ``parent``; other parameters must have defaults;
- ``set_document(document)``: called when the open document changes;
- ``reset()``: called by booth "Start over" before the page is destroyed
  (stop servers, forget selections);
- signal ``document_opened(object)``: a Document to show in the document view;
- signal ``close_requested()``: go back to the previous page;
- retranslate itself on ``QEvent.LanguageChange``.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from xshare_desktop.gui.context import AppContext, ReceivedFrom

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    name: str
    module: str
    class_name: str
    title_source: str  # English, marked with QT_TRANSLATE_NOOP("Navigation", ...)
    audience: str  # "citizen", "recipient" or "vendor": where the start page offers it
    needs_document: bool = False

    def title(self) -> str:
        return QCoreApplication.translate("Navigation", self.title_source)

    def available(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False

    def load_class(self) -> type[QWidget]:
        module = importlib.import_module(self.module)
        cls = getattr(module, self.class_name)
        if not (isinstance(cls, type) and issubclass(cls, QWidget)):
            raise TypeError(f"{self.module}.{self.class_name} is not a QWidget")
        return cls


_VIEWS = "xshare_desktop.gui.views."


def _title(text: object) -> str:
    """QT_TRANSLATE_NOOP returns its text unchanged; the stubs just do not say it is a str."""
    return str(text)


# One line per feature view.
PLUGIN_PAGES: list[PageSpec] = [
    PageSpec(
        "share",
        "xshare_desktop.gui.flow",  # the whole Yellow Button wizard (choose, how, options, done)
        "ShareFlow",
        _title(QT_TRANSLATE_NOOP("Navigation", "Share")),
        "citizen",
        needs_document=True,
    ),
    PageSpec(
        "link",
        _VIEWS + "link_view",
        "LinkView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Shared links")),
        "citizen",
    ),
    PageSpec(
        "received",
        _VIEWS + "received_view",
        "ReceivedView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Open something I received")),
        "recipient",
    ),
    PageSpec(
        "open_link",
        _VIEWS + "open_link_view",
        "OpenLinkView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Open a link or QR code")),
        "recipient",
    ),
    PageSpec(
        "conformance",
        _VIEWS + "conformance_view",
        "ConformanceView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Check conformance")),
        "vendor",
    ),
    PageSpec(
        "keys",
        _VIEWS + "keys_view",
        "KeysView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Signing keys")),
        "vendor",
    ),
    PageSpec(
        "workbench",
        "xshare_desktop.gui.workbench.workbench_view",
        "WorkbenchView",
        _title(QT_TRANSLATE_NOOP("Navigation", "Label workbench")),
        "vendor",
    ),
]


def plugin_spec(name: str) -> PageSpec | None:
    return next((spec for spec in PLUGIN_PAGES if spec.name == name), None)


def available_plugins(audience: str | None = None) -> list[PageSpec]:
    return [
        spec
        for spec in PLUGIN_PAGES
        if (audience is None or spec.audience == audience) and spec.available()
    ]


def instantiate(cls: type[QWidget], context: AppContext) -> QWidget:
    """Build a view, passing the arguments its constructor names."""
    offer = {
        "context": context,
        "ctx": context,
        "settings": context.settings,
        "document": context.document,
        "doc": context.document,
    }
    kwargs = {}
    for name in inspect.signature(cls).parameters:
        if name in offer:
            kwargs[name] = offer[name]
    view = cls(**kwargs)
    return view


class Navigator(QStackedWidget):
    """Shows one page at a time, creates pages on first use, remembers where you came from."""

    page_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}
        self._history: list[str] = []
        self._current = ""
        for spec in PLUGIN_PAGES:
            self._factories[spec.name] = self._plugin_factory(spec)
        context.document_changed.connect(self._document_changed)

    def register(self, name: str, factory: Callable[[], QWidget]) -> None:
        self._factories[name] = factory

    def _plugin_factory(self, spec: PageSpec) -> Callable[[], QWidget]:
        def build() -> QWidget:
            view = instantiate(spec.load_class(), self._context)
            opened = getattr(view, "document_opened", None)
            if opened is not None and hasattr(opened, "connect"):
                if spec.audience == "recipient":
                    # Someone else's document: shown as received, with a way back to the check.
                    origin = ReceivedFrom(spec.name, getattr(view, "received_summary", None))
                    opened.connect(lambda doc: self._context.show_received(doc, origin))
                else:
                    opened.connect(self._context.show_document)
            close = getattr(view, "close_requested", None)
            if close is not None and hasattr(close, "connect"):
                close.connect(self.back)
            return view

        return build

    def can_show(self, name: str) -> bool:
        if name in self._pages:
            return True
        spec = plugin_spec(name)
        if spec is not None:
            return spec.available() and (
                not spec.needs_document or self._context.document is not None
            )
        return name in self._factories

    @property
    def current_name(self) -> str:
        return self._current

    def page(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    def ensure_page(self, name: str) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            page = self._factories[name]()
            page.setObjectName(page.objectName() or f"page-{name}")
            setter = getattr(page, "set_document", None)
            if callable(setter) and self._context.document is not None:
                setter(self._context.document)
            self._pages[name] = page
            self.addWidget(page)
        return page

    def show_page(self, name: str) -> QWidget:
        if name not in self._factories:
            raise KeyError(f"no page named {name!r}")
        page = self.ensure_page(name)
        if self._current and self._current != name:
            self._history.append(self._current)
            del self._history[:-20]
        self._current = name
        self.setCurrentWidget(page)
        self.page_changed.emit(name)
        return page

    def back(self) -> None:
        while self._history:
            name = self._history.pop()
            if name in self._factories and (name in self._pages or self.can_show(name)):
                self._current = name
                self.setCurrentWidget(self.ensure_page(name))
                self.page_changed.emit(name)
                return
        self.show_page("start")

    def _document_changed(self, document: object) -> None:
        for page in self._pages.values():
            setter = getattr(page, "set_document", None)
            if callable(setter):
                setter(document)

    def drop_pages(self, keep: tuple[str, ...] = ()) -> None:
        """Forget pages (booth reset): each gets ``reset()`` first, then is destroyed."""
        for name in list(self._pages):
            if name in keep:
                continue
            page = self._pages.pop(name)
            resetter = getattr(page, "reset", None)
            if callable(resetter):
                try:
                    resetter()
                except Exception:
                    log.exception("reset() of page %s failed", name)
            self.removeWidget(page)
            page.deleteLater()
        self._history.clear()
