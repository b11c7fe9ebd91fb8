"""The site's languages: Swedish (the default, the originals) and English.

The one place that names them; mkdocs.yml's i18n plugin lists the same two
(tests/test_site.py checks that they agree)."""

from __future__ import annotations

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
