"""The hook loads the catalogue and generates the pages with the cyclic
garbage collector paused, then freezes what it made (hooks/knowledge_base.py):
objects made then and caught in a reference cycle are never freed. So loading
and generating must leave (almost) no cyclic garbage; a recursive inner
function over a document, for one, kept every document alive (about 40 KB
each, 80 MB at 2,000 examples)."""

from __future__ import annotations

import collections
import gc

from conftest import ROOT
from romkb.catalogue import load_catalogue
from romkb.front_matter import Document
from romkb.site_sources import assemble


def test_loading_and_generating_leave_no_cyclic_garbage(tmp_path):
    gc.collect()
    gc.disable()
    try:
        catalogue = load_catalogue(ROOT, cache_dir=tmp_path / "cache")  # as a cold build: checks and caches every file
        sources = assemble(catalogue, ROOT / "docs", ROOT)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        garbage = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
        gc.collect()
    files = len(list((ROOT / "examples").glob("*.md")))
    kinds = collections.Counter(type(item).__name__ for item in garbage)
    assert sources.files and catalogue.examples
    assert not any(isinstance(item, Document) for item in garbage), kinds.most_common(8)
    # fastjsonschema's generated validators leave a small closure per call (3 objects).
    assert len(garbage) <= 5 * files + 300, kinds.most_common(8)
