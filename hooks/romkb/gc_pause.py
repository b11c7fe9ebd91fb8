"""Keep Python's cyclic garbage collector out of the way of large builds.

Loading the catalogue and generating the pages create hundreds of thousands of
objects that nearly all stay alive. Every so many allocations the collector
walks all live objects of the older generations looking for cycles, finds
none worth freeing, and starts again: at thousands of examples that is a
tenth of the hooks' time. Reference counting still frees everything else at
once; the few cycles made meanwhile are collected when the collector runs again.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Usable as ``with`` block or as a decorator; nests, and restores the
    collector only if it was running before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def cycle_collection_rare() -> Iterator[None]:
    """Run the collector rarely while WeasyPrint works, and fully after.

    WeasyPrint allocates millions of small objects that live until the PDF is
    written; with the default thresholds the collector goes through all of
    them again and again (about a quarter of the CPU time of a 100-example
    document). The memory that cycles hold meanwhile is bounded by the
    document, which is bounded by the plan; everything is collected after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()
