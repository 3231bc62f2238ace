"""Messages marked for translation where the core raises them (issue #14, "Words").

The core is Qt-free, yet its messages reach people through the Danish or English GUI. A message
is written once, in English, at the place that raises it, and marked the way Qt Linguist marks a
string it should translate later::

    raise UserFacingError(
        QT_TRANSLATE_NOOP("Core", "The file {name} cannot be read.").format(name=path.name)
    )

``QT_TRANSLATE_NOOP(context, source)`` is one of the call names ``pyside6-lupdate`` extracts from
Python (with two string literals), so ``python -m xshare_desktop.gui.i18n_tool update`` finds every
core message and the translators see it in ``resources/i18n/xshare_da.ts``. Unlike Qt's own macro
it returns a :class:`Message`: the English template and, after ``.format(...)``, its arguments.
``str(message)`` is the English text (the CLI and the log); a front end calls
``message.translated(translate)`` with its own lookup (Qt's ``QCoreApplication.translate``) and the
arguments are put into the translated template. Placeholders are ``{name}`` fields, kept as they are
by translators; an argument may itself be a :class:`Message` and is translated too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

# A front end's lookup: (context, English source) -> translated template.
Translate = Callable[[str, str], str]

# Contexts in use, so tests can tell core messages from the GUI's own strings.
CONTEXTS: Final = ("Core", "Strength", "Workbench")


class Message:
    """An English template marked for translation, with the values for its ``{fields}``."""

    __slots__ = ("args", "context", "source")

    def __init__(
        self, context: str | None, source: str, args: Mapping[str, object] | None = None
    ) -> None:
        self.context = context
        self.source = source
        self.args: dict[str, object] = dict(args or {})

    @classmethod
    def plain(cls, text: str) -> Message:
        """A text that is not ours to translate (a library's or the operating system's)."""
        return cls(None, text)

    def format(self, **args: object) -> Message:
        """This template with values for its fields (values are never re-read as templates)."""
        return Message(self.context, self.source, {**self.args, **args})

    def translated(self, translate: Translate) -> str:
        """The text in the front end's language; English where no translation exists."""
        args = {
            key: value.translated(translate) if isinstance(value, Message) else value
            for key, value in self.args.items()
        }
        if self.context is None:
            return self.source
        template = translate(self.context, self.source) or self.source
        try:
            return template.format_map(args)
        except (KeyError, IndexError, ValueError):
            # A translation that lost or garbled a field must not turn an error into a crash.
            return self.source.format_map(args)

    def __str__(self) -> str:
        return self.translated(lambda _context, source: source)

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.source!r}, {self.args!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return (self.context, self.source, self.args) == (
                other.context,
                other.source,
                other.args,
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.context, self.source))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for translation in ``context``; translated later, when it is shown."""
    return Message(context, source)


def as_message(text: Message | str) -> Message:
    """A message as it is, or a plain text that no catalogue translates."""
    return text if isinstance(text, Message) else Message.plain(text)
