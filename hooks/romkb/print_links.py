"""Links in the Markdown of the print document's bodies (the examples' and
themes' texts, the start text), resolved on Python-Markdown's element tree:
a link to an example in the document goes to its chapter
(``#exempel-<slug>``), a link to an anchor of the document stays, and any
other link to a page of the site (or to an example that is not in this
document: a theme's PDF, or a part of one, holds only some) becomes its text,
since a printed page cannot follow it. Links to other sites stay."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_EXAMPLE_PAGE = re.compile(r"^(?:[a-z0-9-]+)(?:\.[a-z]{2})?\.md$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def print_target(href: str, ids: frozenset[str]) -> str | None:
    """Where a body's link goes in the print document; None: nowhere (unlink)."""
    if _SCHEME.match(href) or href.startswith("//"):
        return href  # another site (https:, mailto:)
    if href.startswith("#"):
        return href if href[1:] in ids else None
    path = href.split("#", 1)[0]
    name = posixpath.basename(path)
    folder = posixpath.basename(posixpath.dirname(path))
    if _EXAMPLE_PAGE.match(name) and folder in ("", "exempel"):
        slug = name.split(".", 1)[0]
        if f"exempel-{slug}" in ids:
            return f"#exempel-{slug}"
    return None


class _PrintLinks(Treeprocessor):
    def __init__(self, md, ids: frozenset[str]):
        super().__init__(md)
        self.ids = ids

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if child.tag != "a":
                    continue
                target = print_target(child.get("href", ""), self.ids)
                if target is not None:
                    child.set("href", target)
                else:
                    _unwrap(parent, index, child)


def _unwrap(parent: etree.Element, index: int, link: etree.Element) -> None:
    """Replace ``link`` by its content (text and children), keeping the text after it."""
    before = parent[index - 1] if index else None
    text = (link.text or "")
    if before is not None:
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    children = list(link)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else before
    if last is not None:
        last.tail = (last.tail or "") + (link.tail or "")
    else:
        parent.text = (parent.text or "") + (link.tail or "")
    parent.remove(link)


class PrintLinks(Extension):
    def __init__(self, ids: frozenset[str]):
        super().__init__()
        self.ids = ids

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_PrintLinks(md, self.ids), "romkb_print_links", 0)
