"""Renderers that need Qt's painting (PDF), kept outside the Qt-free core and away from widgets."""
