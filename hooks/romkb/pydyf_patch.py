"""A workaround for pydyf (WeasyPrint's PDF writer): ``PDF.page_references``
made cheap.

What it works around: in pydyf 0.13 the property builds a new tuple of the
references of *every* page at each call, and WeasyPrint's PDF/UA tagging
calls it once for every tagged element (and the anchors once for every
destination): O(elements x pages), the largest single cost of writing a
tagged PDF of a few hundred pages (18 of 89 s of CPU in a profile of 100
examples, 26 of 189 s for 200). The same tuple is kept while the page list is
unchanged (pages are only ever appended), so the PDF is byte-identical.

Guarded: applied only to the pydyf version it was written and checked for
(PATCHED_VERSION), and only while the property is still there; another
version is left alone (slower PDFs, never wrong ones). On a pydyf upgrade,
check whether the property still rebuilds the tuple at every call; if so,
move PATCHED_VERSION on (tests/test_pdf_plan.py checks that the cached tuple
equals pydyf's), else drop this module.
"""

from __future__ import annotations

PATCHED_VERSION = "0.13.0"


def cache_page_references() -> bool:
    """Apply the workaround once per process; True when it is in place."""
    try:
        import pydyf
    except ImportError:  # pragma: no cover - WeasyPrint depends on it
        return False
    current = pydyf.PDF.__dict__.get("page_references")
    if isinstance(current, property) and getattr(current.fget, "_romkb_cached", False):
        return True
    if getattr(pydyf, "__version__", None) != PATCHED_VERSION or not isinstance(current, property):
        return False
    original = current.fget

    def page_references(self):
        kids = self.pages["Kids"]
        cached = self.__dict__.get("_romkb_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), original(self))
            self.__dict__["_romkb_page_references"] = cached
        return cached[1]

    page_references._romkb_cached = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)
    return True
