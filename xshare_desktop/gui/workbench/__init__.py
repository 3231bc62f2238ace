"""The vendor's label workbench: declare, test content, test links, export the evidence pack.

``WorkbenchView`` (``workbench_view.py``) composes one tab per step (``declare_tab``,
``content_tab``, ``links_tab``, ``evidence_tab``); ``parts`` holds the table items they share.
The work itself is in ``core/workbench``.
"""

from xshare_desktop.gui.workbench.workbench_view import WorkbenchView

__all__ = ["WorkbenchView"]
