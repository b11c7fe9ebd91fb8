"""The page templates escape values for Markdown, the print template for
HTML, and the widgets fail loudly when a page lacks their data."""

from __future__ import annotations

import dataclasses

import pytest

from romkb.catalogue import load_catalogue
from romkb.pages import PageGenerator
from romkb.print_html import Edition, PrintDocument
from romkb.widgets import WidgetError, fill_widgets, marker
from test_golden import PROJECT

HOSTILE = "A *bold* [claim](http://x) <b>#1</b> & 'quotes'"


@pytest.fixture(scope="module")
def hostile_catalogue():
    """The golden catalogue with one example's title and partner made of Markdown and HTML specials."""
    catalogue = load_catalogue(PROJECT)
    example = catalogue.examples[0]
    texts = {language: dataclasses.replace(text, title=HOSTILE, partners=[HOSTILE]) for language, text in example.texts.items()}
    return dataclasses.replace(catalogue, examples=[dataclasses.replace(example, texts=texts), *catalogue.examples[1:]]), example.slug


def test_markdown_templates_escape_values(hostile_catalogue):
    catalogue, slug = hostile_catalogue
    pages = PageGenerator(catalogue).generate({"sv": ("Start", "Intro."), "en": ("Start", "Intro.")})
    escaped = r"A \*bold\* \[claim\](http://x) \<b\>\#1\</b\> & 'quotes'"
    page = pages[f"exempel/{slug}.md"]
    assert f"# {escaped}\n" in page and f"**Samarbetspartner:** {escaped}\n" in page
    assert f'title: "{HOSTILE}"' in page  # the front matter holds the text itself
    assert f"[{escaped}]" in pages["exempel/index.md"]  # its card


def test_print_template_escapes_html(hostile_catalogue):
    catalogue, _ = hostile_catalogue
    document = PrintDocument(catalogue, "sv", Edition("2025-01-01", "x")).html()
    assert "<b>#1</b>" not in document
    assert "A *bold* [claim](http://x) &lt;b&gt;#1&lt;/b&gt; &amp; &#39;quotes&#39;" in document


def test_a_widget_without_data_is_an_error_not_a_hole():
    html = f"<p>x</p>\n{marker('pager')}\n"
    assert fill_widgets(html, {"pager": {"n": 2}}, lambda name, data: f"<nav>{data['n']}</nav>") == "<p>x</p>\n<nav>2</nav>\n"
    with pytest.raises(WidgetError, match="no data for it"):
        fill_widgets(html, {"download": {}}, lambda name, data: "")
    with pytest.raises(WidgetError, match="unknown widget"):
        marker("carousel")


@pytest.mark.parametrize("href, expected", [
    ("brobyggare.md", "#exempel-brobyggare"),
    ("../exempel/brobyggare.en.md#tips", "#exempel-brobyggare"),
    ("haninge-traffpunkt.md", None),  # an example outside this document
    ("../teman/arbete.md", None),  # a page of the site, not of the print
    ("#tipslista", "#tipslista"),
    ("#beskrivning", None),
    ("https://www.lansstyrelsen.se/x.md", "https://www.lansstyrelsen.se/x.md"),
    ("mailto:a@b.se", "mailto:a@b.se"),
])
def test_print_links_go_to_the_document_or_become_text(href, expected):
    from romkb.print_links import print_target

    assert print_target(href, frozenset({"exempel-brobyggare", "tipslista"})) == expected


def test_an_unlinked_link_keeps_its_text_and_what_follows():
    from romkb.print_html import rendered

    html = rendered("Se [*temat* Arbete](../teman/arbete.md), och [Brobyggare](brobyggare.md) sedan.", frozenset({"exempel-brobyggare"}))
    assert html == '<p>Se <em>temat</em> Arbete, och <a href="#exempel-brobyggare">Brobyggare</a> sedan.</p>'
