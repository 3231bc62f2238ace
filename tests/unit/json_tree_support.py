"""Helpers for property tests that damage a JSON tree in one place."""

from __future__ import annotations

from typing import Any


def places(tree: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``tree``, parents before their children."""
    found: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                found.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                found.append((node, i))
                walk(value)

    walk(tree)
    return found
