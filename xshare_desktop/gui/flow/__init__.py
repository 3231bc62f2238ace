"""The citizen's Yellow Button flow as one wizard: choose, how, options, preview, done.

Open it with ``ShareFlow(document)`` (a ``core.document.Document``); it emits
``finished()`` after the done screen and ``cancelled()`` when the person stops.
"""

from xshare_desktop.gui.flow.share_flow import ShareFlow

__all__ = ["ShareFlow"]
