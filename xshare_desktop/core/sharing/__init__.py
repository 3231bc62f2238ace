"""Citizen sharing: choose what to share, transform it, write it, leak nothing.

``selection`` (what the person chose), ``fields`` (the optional fields offered),
``prune`` (apply the choice to the Bundle), ``pseudonymise``, ``translate``,
``narrative`` (regenerate every narrative), ``provenance``, ``pdf_html`` (the
human-readable version) and ``writer`` (``prepare_share`` / ``share``).
``leakcheck`` is the independent text comparison the privacy tests rely on.
"""
