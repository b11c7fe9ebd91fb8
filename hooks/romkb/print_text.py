"""The print document's texts: the ``print_*`` keys of the interface text (data/ui/)."""

from __future__ import annotations

from .ui_text import text, ui_tables

_PREFIX = "print_"


def print_text(language: str) -> dict[str, str]:
    """The print document's texts without their prefix (``edition``, ``contents``, …)."""
    return {key[len(_PREFIX):]: value for key, value in ui_tables()[language].items() if key.startswith(_PREFIX)}


def site_title(language: str) -> str:
    return text(language, "site_title")
