"""Jinja2 environments for the generated pages (``templates/*.md.j2``) and the
print document (``templates/print.html.j2``).

Markdown templates escape every value for Markdown by default (``md_escape``:
a title with ``*`` or ``[`` shows as written); a value that *is* Markdown (a
body, a link target, a UI string with links) is marked with the ``markdown``
filter or made a ``MarkdownText`` by the context. HTML templates use Jinja's
HTML autoescaping.
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

_MARKDOWN_ESCAPES = str.maketrans({character: "\\" + character for character in "\\`*_[]{}<>#|!"})


def md_escape(value: str) -> str:
    """Escape text so that Markdown shows it as written."""
    return value.translate(_MARKDOWN_ESCAPES)


class MarkdownText(str):
    """Text that is Markdown already: written into a page as it is."""


def _finalize(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (MarkdownText, Markup)):
        return str(value)
    return md_escape(value) if isinstance(value, str) else str(value)


def front_matter(fields: dict[str, object]) -> str:
    """YAML front matter, one field per line, each value written as JSON
    (JSON is YAML: flow style, double-quoted strings); None fields are left out."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@functools.cache
def markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, finalize=_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )
    environment.filters["markdown"] = MarkdownText
    # A value inside an HTML attribute or element of a Markdown page.
    environment.filters["e_attr"] = lambda value: MarkdownText(html.escape(str(value)))
    return environment


@functools.cache
def html_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )


def render_page(template: str, meta: dict[str, object], context: dict[str, object]) -> str:
    """A generated page: front matter from ``meta``, then the template. Runs
    of blank lines that optional parts leave behind are not trimmed: the
    templates say where every blank line goes."""
    body = markdown_environment().get_template(template).render(context)
    return front_matter(meta) + body.rstrip() + "\n"


def render_html(template: str, context: dict[str, object]) -> str:
    return html_environment().get_template(template).render(context)

