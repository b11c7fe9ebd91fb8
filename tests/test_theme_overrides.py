"""overrides/partials/search.html and toc.html are copies of Material's
partials with one intended change each. Each copy must equal the installed
Material's original with that change applied, so that an upgrade of Material
that changes the original fails here (update the copy, then this test)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # the comment each file starts with

TOC_CONDITION = """{#- The theme renders the toggle for the page's entry in the navigation, except
    when the page is a section's index page (navigation.indexes). -#}
{% set kb_section_index = page.is_index and page.parent and "navigation.indexes" in (config.theme.features or []) %}
{% set kb_toc_toggle = page in nav.pages and not kb_section_index %}
"""

# file -> (text in Material's original, what the copy has instead)
INTENDED_CHANGES = {
    "search.html": [('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')],
    "toc.html": [
        ('{% set title = lang.t("toc") %}', TOC_CONDITION + '{% set title = lang.t("toc") %}'),
        ('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title"{% if kb_toc_toggle %} for="__toc"{% endif %}>'),
    ],
}


def _without_header(text: str) -> str:
    assert _HEADER.match(text), "the file no longer starts with a {#- … -#} comment"
    return _HEADER.sub("", text, count=1)


@pytest.mark.parametrize("name", sorted(INTENDED_CHANGES))
def test_override_is_materials_partial_with_the_intended_change(name):
    expected = _without_header((MATERIAL_PARTIALS / name).read_text(encoding="utf-8"))
    for original, changed in INTENDED_CHANGES[name]:
        assert expected.count(original) == 1, f"Material's {name} changed: {original!r} is gone; compare it with overrides/partials/{name}"
        expected = expected.replace(original, changed)
    copy = _without_header((ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"))
    assert copy == expected, f"overrides/partials/{name} differs from Material's {name} beyond the intended change"
