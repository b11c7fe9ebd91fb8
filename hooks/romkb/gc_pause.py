"""Garbage-collector policy for the PDF step (print_document).

WeasyPrint allocates millions of small objects that live until the PDF is
written; with the default thresholds Python's cyclic collector goes through
all of them again and again (about a quarter of the CPU time of a
100-example document). So it runs rarely while a document is rendered, and
fully after. The memory that cycles hold meanwhile is bounded by the
document, which is bounded by the PDF plan (pdf_plan).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def cycle_collection_rare() -> Iterator[None]:
    """Raise the collector's thresholds inside the block; collect at its end."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()
