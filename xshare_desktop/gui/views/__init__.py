"""One module per page of the main window (see ``xshare_desktop.gui.navigation``)."""
