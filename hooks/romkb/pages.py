"""Generate the Markdown of every generated page, in every language.

Pure functions from the catalogue to ``{path: markdown}``. Paths are relative
to the site's source folder and carry the language suffix of
mkdocs-static-i18n's "suffix" structure (``exempel/x.md``, ``exempel/x.en.md``).
Links between pages are written as relative ``.md`` links, so that MkDocs
checks them and the i18n plugin points them at the same language.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from typing import Callable, Iterable

from .body import ListItem
from .catalogue import THEMES_FOLDER, Catalogue
from .examples import DEFAULT_LANGUAGE, Example, SourceRef
from .git_dates import FileDates
from .map_svg import sweden_map_svg
from .open_data import EXAMPLES_CSV, EXAMPLES_JSON, FEED, LICENSE, LICENSE_URL, MUNICIPALITIES_JSON, OPEN_DATA_FOLDER, open_data_files
from .pdf_plan import PdfIndex, pdf_index
from .schema import example_schema
from .ui_text import example_count, text
from .vocabulary import LANGUAGES, NOT_STATED, Municipality

EXAMPLES_FOLDER = "exempel"
MUNICIPALITIES_FOLDER = "kommuner"
TARGET_GROUPS_PAGE = "malgrupper.md"
CHECKLIST_PAGE = "tipslista.md"
START_PAGE = "index.md"
SCHEMA_FILE = "schema/example.schema.json"
TRANSLATION_SCHEMA_FILE = "schema/example-translation.schema.json"
OPEN_DATA_PAGE = f"{OPEN_DATA_FOLDER}/index.md"
PROFILE_PAGE = "profil.md"
DOSSIER_PAGE = "dossier.md"
# A Material icon (inline SVG, nothing fetched) for each profile field; the
# text beside it carries the meaning (not the icon, not colour).
PROFILE_ICONS = {
    "maturity": ":material-stairs-up:", "continuation": ":material-autorenew:",
    "roma_participation": ":material-account-group:", "staff": ":material-account-tie:",
    "cost": ":material-cash:", "funding": ":material-bank:", "time_to_start": ":material-clock-outline:",
    "review_status": ":material-check-decagram:",
}
# Profile facets on the examples index: address name -> profile field.
PROFILE_FACETS = {"mognad": "maturity", "fortsattning": "continuation", "delaktighet": "roma_participation",
                  "personal": "staff", "kostnad": "cost", "finansiering": "funding", "starttid": "time_to_start"}
RELATED_LIMIT = 3
# Listing pages (the examples index, theme, municipality and target-group
# lists, the checklist) hold at most this many examples each; longer lists go
# on numbered pages, so that no page grows with the knowledge base.
LIST_PAGE_SIZE = 50
PAGE_FOLDER = "sida"
PAGER_NEIGHBOURS = 2  # page links shown either side of the current page
# Facet names as they appear in a filtered view's address (?tema=utbildning).
FACETS = ("tema", "malgrupp", "kommun", "lan", "roll", *PROFILE_FACETS)

# Fixed anchors on example pages, so that links (the checklist) do not depend
# on how headings are turned into ids.
ANCHOR_DESCRIPTION = "beskrivning"
ANCHOR_FACTORS = "forutsattningar"
ANCHOR_TIPS = "tips"
ANCHOR_GENERAL_TIPS = "kommunernas-tips"

# str.translate runs in C; a regex substitution with a group reference
# expands its template in Python for every match.
_MARKDOWN_ESCAPES = str.maketrans({character: "\\" + character for character in "\\`*_[]{}<>#|!"})


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]{}<>#|!]")


def md_escape(value: str) -> str:
    """Escape text so that Markdown shows it as written."""
    # Most titles and summaries have nothing to escape: a scan in C first.
    return value.translate(_MARKDOWN_ESCAPES) if _MARKDOWN_SPECIAL.search(value) else value


def localized(path: str, language: str) -> str:
    """``a/b.md`` -> ``a/b.en.md`` for a non-default language."""
    if language == DEFAULT_LANGUAGE:
        return path
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{language}{extension}"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two language-neutral source paths."""
    target = _relative_path(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relative_path(path: str, start: str) -> str:
    """posixpath.relpath for the site's relative paths. relpath makes both
    paths absolute (two getcwd() calls) every time; the paths here are
    relative to one root, so comparing their parts is enough. (Cached: the
    generated pages ask for the same links over and over.)"""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    path_parts = [part for part in path.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(path_parts, start_parts):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def example_path(slug: str) -> str:
    return f"{EXAMPLES_FOLDER}/{slug}.md"


def theme_path(theme: str) -> str:
    return f"{THEMES_FOLDER}/{theme}.md"


def target_group_path(group: str) -> str:
    return f"{TARGET_GROUPS_PAGE[: -len('.md')]}/{group}.md"


def municipality_path(municipality: str) -> str:
    return f"{MUNICIPALITIES_FOLDER}/{municipality}.md"


def listing_page_path(first_page: str, number: int) -> str:
    """Page ``number`` (from 1) of a listing: ``exempel/index.md`` ->
    ``exempel/sida/2.md``, ``teman/bostad.md`` -> ``teman/bostad/sida/2.md``.
    (A folder of its own, so that no example's slug can clash with it.)"""
    if number == 1:
        return first_page
    stem = first_page[: -len("/index.md")] if first_page.endswith("/index.md") else first_page[: -len(".md")]
    return f"{stem}/{PAGE_FOLDER}/{number}.md"


def in_pages(items: list, size: int) -> list[list]:
    """``items`` in consecutive pages of at most ``size``; always one page at least."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


def _front_matter(**fields: object) -> str:
    """YAML front matter, one field per line, each value written as JSON:
    JSON is YAML (flow style, double-quoted strings), and the C JSON encoder
    is many times faster than PyYAML's pure-Python emitter."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _join(parts: Iterable[str]) -> str:
    return "\n".join(parts).rstrip() + "\n"


def related_examples(examples: list[Example], limit: int) -> dict[str, list[Example]]:
    """slug -> the ``limit`` examples with the highest score (2 per shared
    theme, 1 per shared target group; at least one shared), ties in slug order.

    Every pair of examples counts, so the work is quadratic; it is done on
    bit sets (Python integers, one bit per example in slug order), so that
    one example's scores against all others take a few dozen integer
    operations instead of a Python step per other example: the scores are
    added up in binary, one integer per bit of the score ("bit planes"), and
    the best are picked from the highest plane down."""
    ordered = sorted(examples, key=lambda e: e.slug)
    masks: dict[tuple[str, str], int] = {}
    for index, other in enumerate(ordered):
        for theme in other.themes:
            masks[("theme", theme)] = masks.get(("theme", theme), 0) | (1 << index)
        for group in other.target_groups:
            masks[("group", group)] = masks.get(("group", group), 0) | (1 << index)
    result: dict[str, list[Example]] = {}
    for index, current in enumerate(ordered):
        planes = [0] * 8  # scores up to 255: far above 2 x themes + target groups
        anyone = 0
        for kind, values, first_plane in (("theme", current.themes, 1), ("group", current.target_groups, 0)):
            for value in values:
                carry = masks.get((kind, value), 0)
                anyone |= carry
                plane = first_plane  # weight 2 = adding from the second plane up
                while carry:
                    planes[plane], carry = planes[plane] ^ carry, planes[plane] & carry
                    plane += 1
        candidates = anyone & ~(1 << index)
        best: list[Example] = []
        while candidates and len(best) < limit:
            top = candidates
            for plane in reversed(planes):  # keep the candidates with the highest score
                if top & plane:
                    top &= plane
            while top and len(best) < limit:  # lowest bit first: slug order
                lowest = top & -top
                best.append(ordered[lowest.bit_length() - 1])
                top ^= lowest
                candidates ^= lowest
            candidates &= ~top
        result[current.slug] = best
    return result


class PageGenerator:
    """Turns a catalogue into the generated pages of one site build."""

    def __init__(self, catalogue: Catalogue, directory_urls: bool = True, dates: dict[str, FileDates] | None = None,
                 outline: list | None = None, site_url: str = "", page_size: int = LIST_PAGE_SIZE,
                 related_limit: int = RELATED_LIMIT, pdf_plan_options: dict[str, int] | None = None):
        self.catalogue = catalogue
        self.page_size = page_size
        self.related_limit = related_limit
        self.pdf_plan_options = pdf_plan_options or {}  # the limits of pdf_plan, as the PDF step uses them
        self.vocabularies = catalogue.vocabularies
        self.directory_urls = directory_urls  # False in the offline (file://) build
        self.dates = dates or {}  # examples/<slug>.md -> dates from git
        self.outline = outline or []  # Sweden's outline for the map
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self._related: dict[str, list[Example]] | None = None
        self._facet_cache: dict[str, dict[str, list[str]]] = {}
        self._card_cache: dict[tuple[str, str], tuple[str, str]] = {}
        self._profile_lines: dict[tuple, str] = {}  # (field, value, reviewed, language) -> line of a profile card
        self._facet_count_cache: dict[str, dict[str, int]] | None = None
        self._by_slug = {example.slug: example for example in catalogue.examples}
        self._reused_in: dict[str, list[Example]] = {}
        for example in sorted(catalogue.examples, key=lambda e: e.slug):
            for other in example.builds_on:
                self._reused_in.setdefault(other, []).append(example)

    def _built_url(self, page: str) -> str:
        """Where MkDocs writes a page, relative to the language's root
        (``kommuner/lund.md`` -> ``kommuner/lund/``, or ``kommuner/lund.html`` offline)."""
        stem = page[: -len(".md")] if page.endswith(".md") else page
        if not page.endswith(".md"):
            return page
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def _raw_href(self, from_page: str, target: str) -> str:
        """A relative URL for raw HTML (which MkDocs does not rewrite) from a
        page to another page (``.md``) or to a file written beside the pages."""
        from_url = self._built_url(from_page)
        to_url = self._built_url(target)
        from_dir = from_url.rstrip("/") if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
        relative = _relative_path(to_url.rstrip("/") or ".", from_dir or ".")
        if to_url.endswith("/") or (not to_url and self.directory_urls):
            relative = relative.rstrip("/") + "/" if relative != "." else "./"
        return relative

    @functools.cached_property
    def pdfs(self) -> PdfIndex:
        """The PDFs that the build writes (``pdf_plan``)."""
        return pdf_index(self.catalogue, **self.pdf_plan_options)

    def _pdf_anchor(self, page: str, entry, label: str) -> str:
        href = self._raw_href(page, entry.page_path)
        return f'<a href="{href}" type="application/pdf">{html.escape(label)}</a>'

    @staticmethod
    def _download(link_html: str) -> str:
        """A download link in its own paragraph, kept out of the search index."""
        return f'<p class="kb-download" data-search-exclude>{link_html}</p>'

    def _theme_title(self, theme_id: str, language: str) -> str:
        intro = self.catalogue.theme_intros.get((theme_id, language))
        return intro.title if intro else self.vocabularies.themes[theme_id].label(language)

    def _theme_pdf_label(self, entry, language: str, theme_title: str | None = None) -> str:
        title = theme_title or self._theme_title(entry.theme, language)
        if entry.parts > 1:
            return text(language, "download_theme_part_pdf", theme=title, part=entry.part, parts=entry.parts)
        return text(language, "download_theme_pdf", theme=title)

    def _pdf_link(self, page: str, language: str) -> str:
        """A raw HTML link to the PDF of this language that fits the page. The
        PDF is written after the build, so MkDocs cannot resolve a Markdown
        link to it: the relative URL is computed here from where the page will
        be written. The whole knowledge base when it has a PDF (see
        pdf_plan); else an example's page offers the part of its main theme's
        PDF that holds it, and other pages list the themes' PDFs: a theme in
        one PDF by a link to it, a theme in parts by a link to the list of
        its parts on the theme's page (so that the list stays one line per
        theme however large the knowledge base grows)."""
        whole = self.pdfs.whole(language)
        if whole is not None:
            return self._download(self._pdf_anchor(page, whole, text(language, "download_pdf")))
        slug = page[len(EXAMPLES_FOLDER) + 1: -len(".md")] if page.startswith(EXAMPLES_FOLDER + "/") else None
        if slug in self._by_slug:
            entry = self.pdfs.for_example(language, slug)
            if entry is not None:
                return self._download(self._pdf_anchor(page, entry, self._theme_pdf_label(entry, language)))
        items = []
        for theme in self.pdfs.themes(language):
            parts = self.pdfs.theme_parts(language, theme)
            if len(parts) == 1:
                items.append(f"<li>{self._pdf_anchor(page, parts[0], self._theme_pdf_label(parts[0], language))}</li>")
            else:
                href = self._raw_href(page, theme_path(theme)) + "#pdf"
                label = text(language, "theme_pdf_parts", theme=self._theme_title(theme, language), parts=len(parts))
                items.append(f'<li><a href="{href}">{html.escape(label)}</a></li>')
        return f'<div class="kb-download" data-search-exclude><p>{html.escape(text(language, "download_theme_pdfs"))}</p><ul>{"".join(items)}</ul></div>'

    def _theme_pdf_links(self, page: str, theme_id: str, language: str, theme_title: str) -> list[str]:
        """The theme page's link to its PDF, or a list of links to its parts."""
        parts = self.pdfs.theme_parts(language, theme_id)
        links = [self._pdf_anchor(page, entry, self._theme_pdf_label(entry, language, theme_title)) for entry in parts]
        if len(links) == 1:
            return [self._download(links[0])]
        items = "".join(f"<li>{item}</li>" for item in links)
        return [f'<div class="kb-download" id="pdf" data-search-exclude><ul>{items}</ul></div>'] if items else []

    # ---- shared pieces -------------------------------------------------

    def _pager(self, first_page: str, number: int, total: int, language: str) -> str:
        """Links to the other pages of a listing: previous, next, the first and
        last pages and the ones near this one (a bounded number of links)."""
        if total <= 1:
            return ""
        page = listing_page_path(first_page, number)
        shown = sorted({1, total, *range(max(1, number - PAGER_NEIGHBOURS), min(total, number + PAGER_NEIGHBOURS) + 1)})
        items = []
        if number > 1:
            items.append(f"- [{text(language, 'pager_previous')}]({link(page, listing_page_path(first_page, number - 1))})")
        previous = 0
        for other in shown:
            if other - previous > 1:
                items.append("- …")
            if other == number:
                items.append(f'- <span aria-current="page">{other}</span>')
            else:
                label = text(language, "pager_page", number=other)
                items.append(f'- [{other}]({link(page, listing_page_path(first_page, other))}){{ aria-label="{label}" }}')
            previous = other
        if number < total:
            items.append(f"- [{text(language, 'pager_next')}]({link(page, listing_page_path(first_page, number + 1))})")
        return _join([f'<nav class="kb-pager" aria-label="{html.escape(text(language, "pager_label"))}" markdown>', "",
                      text(language, "pager_status", number=number, total=total), "{ .kb-pager-status }", "", *items, "", "</nav>"])

    def _paged_title(self, title: str, number: int, total: int, language: str) -> str:
        return title if number == 1 else text(language, "pager_title", title=title, number=number, total=total)

    def _municipality_names(self, example: Example, page: str) -> str:
        return ", ".join(
            f"[{md_escape(self.vocabularies.municipalities[m].name)}]({link(page, municipality_path(m))})"
            for m in example.municipalities
        )

    def _theme_links(self, themes: list[str], page: str, language: str) -> str:
        return ", ".join(
            f"[{md_escape(self.vocabularies.themes[t].label(language))}]({link(page, theme_path(t))})" for t in themes
        )

    def _example_card(self, example: Example, page: str, language: str, heading_level: int = 3) -> str:
        # An example's card appears on several listings (index, themes,
        # municipality, target group): only the link differs between them.
        key = (example.slug, language)
        parts = self._card_cache.get(key)
        if parts is None:
            example_text = example.text(language)
            themes = ", ".join(md_escape(self.vocabularies.themes[t].label(language)) for t in example.themes)
            municipalities = ", ".join(md_escape(self.vocabularies.municipalities[m].name) for m in example.municipalities)
            parts = self._card_cache[key] = (md_escape(example_text.title),
                                             f"\n\n{municipalities} · {themes}\n{{ .kb-card-meta }}\n\n{md_escape(example_text.summary)}\n")
        title, rest = parts
        return f"{'#' * heading_level} [{title}]({link(page, example_path(example.slug))}){rest}"

    def _example_list(self, examples: list[Example], page: str, language: str, keep_order: bool = False) -> str:
        """A compact list: title, municipality."""
        lines = []
        for example in examples if keep_order else sorted(examples, key=lambda e: e.text(language).title.casefold()):
            title = md_escape(example.text(language).title)
            municipalities = ", ".join(md_escape(self.vocabularies.municipalities[m].name) for m in example.municipalities)
            lines.append(f"- [{title}]({link(page, example_path(example.slug))}) – {municipalities}")
        return _join(lines)

    def _source_lines(self, sources: list[SourceRef], language: str) -> list[str]:
        lines = []
        for ref in sources:
            document = self.vocabularies.sources[ref.document]
            identifier = f", {document.identifier}" if document.identifier else ""
            lines.append(f"- {md_escape(document.title)}. {md_escape(document.publisher)}, {document.year}{identifier}, {text(language, 'pages')} {md_escape(ref.pages)}.")
        return lines

    def _sorted_examples(self, language: str) -> list[Example]:
        return sorted(self.catalogue.examples, key=lambda e: e.text(language).title.casefold())

    # ---- pages ---------------------------------------------------------

    def example_page(self, example: Example, language: str) -> str:
        page = example_path(example.slug)
        example_text = example.text(language)
        lang = example_text.language  # "sv" when the translation is missing
        vocabularies = self.vocabularies
        label = lambda key: text(language, key)  # noqa: E731
        facts = [
            f"- **{label('municipalities') if len(example.municipalities) > 1 else label('municipality')}:** {self._municipality_names(example, page)}",
            f"- **{label('themes')}:** {self._theme_links(example.themes, page, language)}",
            f"- **{label('target_groups')}:** "
            + ", ".join(md_escape(vocabularies.target_groups[g].label(language)) for g in example.target_groups),
        ]
        # A fallback page shows Swedish text inside an English page: mark it (WCAG 3.1.2).
        in_own_language = (lambda value: value) if lang == language else (lambda value: f'<span lang="{lang}">{value}</span>')
        if example_text.partners:
            facts.append(f"- **{label('partners')}:** " + in_own_language(", ".join(md_escape(p) for p in example_text.partners)))
        if example_text.period:
            facts.append(f"- **{label('period')}:** {in_own_language(md_escape(example_text.period))}")
        headings = {
            "sv": ("Beskrivning", "Förutsättningar för att arbetet ska lyckas", "Tips"),
            "en": ("Description", "Conditions for success", "Tips"),
        }[lang]
        title_attributes = "" if lang == language else f" {{ lang={lang} }}"
        content = [f"# {md_escape(example_text.title)}{title_attributes}", ""]
        if not example_text.translated:
            content += [f'!!! note "{label("not_translated")}"', ""]
        builds_on = [self._by_slug[slug] for slug in example.builds_on if slug in self._by_slug]
        if builds_on:
            facts.append(f"- **{label('builds_on')}:** " + ", ".join(f"[{md_escape(o.text(language).title)}]({link(page, example_path(o.slug))})" for o in builds_on))
        reused_in = self._reused_in.get(example.slug, [])
        if reused_in:
            facts.append(f"- **{label('reused_in')}:** " + ", ".join(
                f"[{md_escape(o.text(language).title)}]({link(page, example_path(o.slug))}) ({md_escape(self._municipality_text(o))})" for o in reused_in))
        if example_text.contact_role:
            facts.append(f"- **{label('contact_role')}:** {in_own_language(md_escape(example_text.contact_role))}")
        content += ['<div class="kb-facts" markdown>', "", *facts, "", "</div>", "", self._profile_card(example, page, language), "",
                    self._pdf_link(page, language), ""]
        body = [f"{md_escape(example_text.summary)}", "{ .kb-summary }", "",
                f"## {headings[0]} {{ #{ANCHOR_DESCRIPTION} }}", "", example_text.description, ""]
        if example_text.success_factors:
            body += [f"## {headings[1]} {{ #{ANCHOR_FACTORS} }}", ""]
            body += [self._factor_line(item) for item in example_text.success_factors] + [""]
        if example_text.tips:
            body += [f"## {headings[2]} {{ #{ANCHOR_TIPS} }}", ""]
            body += [f"- {item.text}" for item in example_text.tips] + [""]
        if lang != language:
            content += [f'<div lang="{lang}" markdown>', "", *body, "</div>", ""]
        else:
            content += body
        # Sources, related examples, dates and the citation are kept out of
        # the search index: they repeat other pages' words in every example
        # and make up a tenth of the index (the facts above stay searchable).
        content += [f"## {label('sources')} {{ #kallor data-search-exclude }}", "", *self._source_lines(example.sources, language), ""]
        related = self.related(example)
        if related:
            content += [f"## {label('related_title')} {{ #liknande data-search-exclude }}", "", self._example_list(related, page, language, keep_order=True)]
        content += self._dates_and_citation(example, language)
        # Examples first in search results: they are what readers look for.
        return _front_matter(title=example_text.title, search={"boost": 2}) + _join(content)

    def _municipality_text(self, example: Example) -> str:
        return ", ".join(self.vocabularies.municipalities[m].name for m in example.municipalities)

    def _profile_card(self, example: Example, page: str, language: str) -> str:
        """The practice profile at a glance: an icon and the field's name in
        words beside each value, so that nothing depends on the icon or colour."""
        if not self.vocabularies.profile:
            return ""
        lines = ['<div class="kb-profile" data-search-exclude markdown>', "",
                 f"**{text(language, 'profile_title')}** ([{text(language, 'profile_help')}]({link(page, PROFILE_PAGE)}))", "{ .kb-profile-title }", ""]
        for name in self.vocabularies.profile:
            value = example.profile.get(name, [])
            reviewed = example.last_reviewed if name == "review_status" and value != NOT_STATED else None
            key = (name, tuple(value) if isinstance(value, list) else value, reviewed, language)
            line = self._profile_lines.get(key)
            if line is None:  # a few values per field: most lines are shared by many examples
                line = self._profile_lines[key] = self._profile_line(name, example.profile_levels(name), reviewed, language)
            lines.append(line)
        lines += ["", "</div>"]
        return "\n".join(lines)

    def _profile_line(self, name: str, level_ids: list[str], reviewed: str | None, language: str) -> str:
        profile_field = self.vocabularies.profile[name]
        levels = [profile_field.levels[level] for level in level_ids if level in profile_field.levels]
        value = ", ".join(md_escape(level.label(language)) for level in levels)
        if reviewed:
            value += f" ({md_escape(reviewed)})"
        if all(level.id == NOT_STATED for level in levels):
            value = f"*{value}*"
        field_label = profile_field.label(language)
        field_label += "" if field_label.endswith("?") else ":"
        return f"- {PROFILE_ICONS.get(name, '')} **{md_escape(field_label)}** {value}"

    def profile_page(self, language: str) -> str:
        """Every profile field and level with its definition, and how many examples have it."""
        parts = [f"# {text(language, 'profile_page_title')}", "", text(language, "profile_page_intro"), ""]
        for name, profile_field in self.vocabularies.profile.items():
            parts += [f"## {PROFILE_ICONS.get(name, '')} {md_escape(profile_field.label(language))} {{ #{name.replace('_', '-')} }}", ""]
            for level_id, level in profile_field.levels.items():
                count = sum(1 for example in self.catalogue.examples if level_id in example.profile_levels(name))
                parts.append(f"- **{md_escape(level.label(language))}** – {md_escape(level.definition(language))} ({example_count(language, count)})")
            parts.append("")
        return _front_matter(title=text(language, "profile_page_title")) + _join(parts)

    def dossier_page(self, language: str) -> str:
        """A print-ready page of chosen examples, assembled in the reader's
        browser from the example pages (assets/dossier.js)."""
        parts = [f"# {text(language, 'dossier_title')}", "", text(language, "dossier_intro", index=link(DOSSIER_PAGE, f"{EXAMPLES_FOLDER}/index.md")), "",
                 f'<div class="kb-dossier" data-examples-base="{html.escape(self._raw_href(DOSSIER_PAGE, f"{EXAMPLES_FOLDER}/index.md"))}" '
                 f'data-page-suffix="{"/" if self.directory_urls else ".html"}" '
                 f'data-empty="{html.escape(text(language, "dossier_empty"))}" data-failed="{html.escape(text(language, "dossier_failed"))}" '
                 f'data-checklist-title="{html.escape(text(language, "checklist_title"))}" data-tips-title="{html.escape(text(language, "checklist_tips"))}" '
                 f'data-factors-title="{html.escape(text(language, "checklist_factors"))}"></div>', "",
                 f'<p class="kb-dossier-print" hidden><button type="button" class="md-button md-button--primary">{html.escape(text(language, "dossier_print"))}</button></p>', ""]
        return _front_matter(title=text(language, "dossier_title"), search={"exclude": True}) + _join(parts)

    def related(self, example: Example) -> list[Example]:
        """Examples that share themes (2 points each) and target groups (1 point
        each) with this one, best first (ties: slug order); computed once for all."""
        if self._related is None:
            self._related = related_examples(self.catalogue.examples, self.related_limit)
        return self._related[example.slug]

    def _dates_and_citation(self, example: Example, language: str) -> list[str]:
        dates = self.dates.get(f"examples/{example.slug}.md")
        example_text = example.text(language)
        address = self.site_url + (f"exempel/{example.slug}/" if language == DEFAULT_LANGUAGE else f"{language}/exempel/{example.slug}/")
        lines = []
        if dates:
            lines += [text(language, "last_updated", date=dates.updated), "{ .kb-updated data-search-exclude }", ""]
        citation = text(language, "cite_text", title=md_escape(example_text.title), address=md_escape(address))
        if dates:
            citation += " " + text(language, "cite_date", date=dates.updated)
        lines += [f"**{text(language, 'cite_title')}:** {citation}", "{ .kb-cite data-search-exclude }", ""]
        return lines

    @staticmethod
    def _factor_line(item: ListItem) -> str:
        if item.name:
            return f"- **{md_escape(item.name)}.** {item.text}"
        return f"- {item.text}"

    def _facet_values(self, example: Example) -> dict[str, list[str]]:
        cached = self._facet_cache.get(example.slug)
        if cached is None:
            cached = self._facet_cache[example.slug] = self._compute_facet_values(example)
        return cached

    def _facet_counts(self) -> dict[str, dict[str, int]]:
        """How many examples have each facet value (the same on every page of the index)."""
        if self._facet_count_cache is None:
            counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
            for example in self.catalogue.examples:
                for facet, values in self._facet_values(example).items():
                    for value in values:
                        counts[facet][value] = counts[facet].get(value, 0) + 1
            self._facet_count_cache = counts
        return self._facet_count_cache

    def _compute_facet_values(self, example: Example) -> dict[str, list[str]]:
        municipalities = [self.vocabularies.municipalities[m] for m in example.municipalities]
        roles = []
        if any(m.pilot for m in municipalities):
            roles.append("pilot")
        if any(m.development for m in municipalities):
            roles.append("utveckling")
        if any(m.network_member for m in municipalities):
            roles.append("natverk")
        return {
            "tema": list(example.themes),
            "malgrupp": list(example.target_groups),
            "kommun": list(example.municipalities),
            "lan": sorted({m.county for m in municipalities}),
            "roll": roles,
            **{facet: example.profile_levels(field) for facet, field in PROFILE_FACETS.items()},
        }

    def _facet_labels(self, language: str) -> dict[str, dict[str, str]]:
        vocabularies = self.vocabularies
        return {
            "tema": {key: term.label(language) for key, term in vocabularies.themes.items()},
            "malgrupp": {key: term.label(language) for key, term in vocabularies.target_groups.items()},
            "kommun": {key: m.name for key, m in sorted(vocabularies.municipalities.items(), key=lambda item: item[1].name)},
            "lan": {key: term.label(language) for key, term in sorted(vocabularies.counties.items(), key=lambda item: item[1].label(language))},
            "roll": {"pilot": text(language, "role_pilot"), "utveckling": text(language, "role_development"), "natverk": text(language, "role_network")},
            **{facet: {key: level.label(language) for key, level in vocabularies.profile[field].levels.items()}
               for facet, field in PROFILE_FACETS.items() if field in vocabularies.profile},
        }

    def _filter_form(self, language: str, page: str, first: str, total: int) -> str:
        """The facet form (hidden until the script shows it), with counts from the build."""
        counts = self._facet_counts()
        labels = self._facet_labels(language)
        dossier = html.escape(self._raw_href(page, DOSSIER_PAGE))
        # Where the listing's pages are (first page, and a pattern for page n),
        # so that the script can load them all and a filter covers every example.
        first_href = html.escape(self._raw_href(page, first))
        pattern = html.escape(self._raw_href(page, listing_page_path(first, 99999)).replace("99999", "{n}"))
        parts = [f'<form class="kb-filters" hidden aria-label="{html.escape(text(language, "filter_label"))}" data-dossier="{dossier}" '
                 f'data-choose="{html.escape(text(language, "dossier_select"))}" data-page-count="{total}" data-first-page="{first_href}" data-page-pattern="{pattern}" '
                 f'data-partial="{html.escape(text(language, "filter_partial"))}">',
                 f'<p class="kb-filter-text"><label for="kb-q">{html.escape(text(language, "filter_text"))}</label> '
                 '<input type="search" id="kb-q" name="q" autocomplete="off"></p>', '<div class="kb-facets">']
        for facet in FACETS:
            present = [(value, label) for value, label in labels[facet].items() if counts[facet].get(value)]
            if len(present) < 2:
                continue  # a facet with one value filters nothing
            legend = self.vocabularies.profile[PROFILE_FACETS[facet]].label(language) if facet in PROFILE_FACETS else text(language, "facet_" + facet)
            parts.append(f'<fieldset data-facet="{facet}"><legend>{html.escape(legend)}</legend>')
            for value, label in present:
                box_id = f"f-{facet}-{value}"
                parts.append(f'<div class="kb-facet-option"><input type="checkbox" id="{box_id}" value="{value}">'
                             f'<label for="{box_id}">{html.escape(label)} <span class="kb-count">{counts[facet][value]}</span></label></div>')
            parts.append("</fieldset>")
        parts += ["</div>", f'<p><button type="reset" class="md-button">{html.escape(text(language, "filter_reset"))}</button> '
                  f'<button type="button" class="md-button kb-dossier-shown">{html.escape(text(language, "dossier_make_shown"))}</button> '
                  f'<button type="button" class="md-button kb-dossier-chosen">{html.escape(text(language, "dossier_make"))} (<span class="kb-chosen-count">0</span>)</button></p>', "</form>",
                  "", f'<p class="kb-filter-status" role="status" aria-live="polite" data-template="{html.escape(text(language, "filter_status"))}"></p>']
        return "\n".join(parts)

    def _card_listing(self, first: str, title: str, examples: list[Example], language: str, list_heading: str, empty_text: str,
                      head: Callable[[str], list[str]] = lambda page: [], tail: Callable[[str], list[str]] = lambda page: [],
                      **front_matter: object) -> dict[str, str]:
        """A page with a list of example cards, on numbered pages when the list
        is long: ``head`` and ``tail`` (given the page's path) go on the first page only."""
        chunks = in_pages(sorted(examples, key=lambda e: e.text(language).title.casefold()), self.page_size)
        pages = {}
        for number, chunk in enumerate(chunks, start=1):
            page = listing_page_path(first, number)
            page_title = self._paged_title(title, number, len(chunks), language)
            parts = [f"# {md_escape(page_title)}", ""]
            if number == 1:
                parts += head(page)
            parts += [list_heading, ""]
            parts += [self._example_card(example, page, language, 3) for example in chunk] if chunk else [empty_text, ""]
            parts.append(self._pager(first, number, len(chunks), language))
            if number == 1:
                parts += tail(page)
            pages[page] = _front_matter(title=page_title, **front_matter) + _join(parts)
        return pages

    def examples_index(self, language: str) -> dict[str, str]:
        """The examples with the facet form, on numbered pages. The form filters
        across every page: the script loads the other pages' cards (data-pages)."""
        first = f"{EXAMPLES_FOLDER}/index.md"
        chunks = in_pages(self._sorted_examples(language), self.page_size)
        pages = {}
        for number, chunk in enumerate(chunks, start=1):
            page = listing_page_path(first, number)
            title = self._paged_title(text(language, "examples_title"), number, len(chunks), language)
            intro = text(language, "examples_intro", themes=link(page, f"{THEMES_FOLDER}/index.md"),
                         municipalities=link(page, f"{MUNICIPALITIES_FOLDER}/index.md"), groups=link(page, TARGET_GROUPS_PAGE))
            parts = [f"# {title}", "", intro, "", self._filter_form(language, page, first, len(chunks)), ""]
            for example in chunk:
                data = " ".join(f'data-{facet}="{" ".join(values)}"' for facet, values in self._facet_values(example).items())
                parts += [f'<div class="kb-card" {data} markdown>', "", self._example_card(example, page, language, 2), "</div>", ""]
            parts.append(self._pager(first, number, len(chunks), language))
            # A listing of every example would outrank the examples themselves in search.
            pages[page] = _front_matter(title=title, search={"exclude": True}) + _join(parts)
        return pages

    def _map(self, page: str, language: str, highlight: str | None = None) -> str:
        if not self.outline:
            return ""
        municipalities = list(self.vocabularies.municipalities.values())
        hrefs = {m.id: self._raw_href(page, municipality_path(m.id)) for m in municipalities}
        if highlight:
            municipality = self.vocabularies.municipalities[highlight]
            title = text(language, "map_title_one", name=municipality.name)
            description = text(language, "map_description_one", name=municipality.name,
                               county=self.vocabularies.counties[municipality.county].label(language))
        else:
            title = text(language, "map_title")
            description = text(language, "map_description")
        svg = sweden_map_svg(self.outline, municipalities, hrefs, title, description, highlight, svg_id="karta")
        return f'<figure class="kb-map-figure">{svg}<figcaption>{html.escape(description)}</figcaption></figure>'

    def open_data_page(self, language: str) -> str:
        page = OPEN_DATA_PAGE
        files = [(EXAMPLES_JSON, "open_data_examples_json"), (EXAMPLES_CSV, "open_data_examples_csv"),
                 (MUNICIPALITIES_JSON, "open_data_municipalities_json"), (FEED, "open_data_feed"),
                 (SCHEMA_FILE, "open_data_schema"), (TRANSLATION_SCHEMA_FILE, "open_data_translation_schema")]
        parts = [f"# {text(language, 'open_data_title')}", "", text(language, "open_data_intro", count=len(self.catalogue.examples)), ""]
        parts += [f"- [`{posixpath.basename(path)}`]({link(page, path)}) – {text(language, key)}" for path, key in files]
        parts += ["", f"## {text(language, 'open_data_license_title')} {{ #licens }}", "",
                  text(language, "open_data_license", license=LICENSE, url=LICENSE_URL), ""]
        return _front_matter(title=text(language, "open_data_title")) + _join(parts)

    def themes_index(self, language: str) -> str:
        page = f"{THEMES_FOLDER}/index.md"
        parts = [f"# {text(language, 'themes_title')}", "", text(language, "themes_intro"), ""]
        for theme_id, theme in self.vocabularies.themes.items():
            count = len(self.catalogue.examples_for_theme(theme_id))
            parts.append(f"- [{md_escape(theme.label(language))}]({link(page, theme_path(theme_id))}) – {example_count(language, count)}")
        return _front_matter(title=text(language, "themes_title")) + _join(parts)

    def theme_page(self, theme_id: str, language: str) -> dict[str, str]:
        first = theme_path(theme_id)
        intro = self.catalogue.theme_intros[(theme_id, language)]
        markdown = intro.markdown
        # Give the general tips a fixed anchor, so the checklist can link to it.
        markdown = re.sub(r"^(##\s+.+?)\s*$", lambda m: f"{m.group(1)} {{ #{ANCHOR_GENERAL_TIPS} }}" if _is_tips_heading(m.group(1), language) else m.group(0), markdown, flags=re.M)

        def tail(page: str) -> list[str]:
            parts = [*self._theme_pdf_links(page, theme_id, language, intro.title), ""]
            if intro.sources:
                parts += [f"## {text(language, 'sources')} {{ #kallor }}", "", *self._source_lines(intro.sources, language)]
            return parts

        return self._card_listing(first, intro.title, self.catalogue.examples_for_theme(theme_id), language,
                                  f"## {text(language, 'examples_in_theme')} {{ #exempel }}", text(language, "no_examples_theme"),
                                  head=lambda page: [markdown, ""], tail=tail)

    def _roles(self, municipality: Municipality, language: str) -> list[str]:
        roles = []
        if municipality.pilot:
            roles.append(text(language, "role_pilot"))
        if municipality.development:
            roles.append(text(language, "role_development"))
        if municipality.network_initiator:
            roles.append(text(language, "role_initiator"))
        if municipality.network_member:
            roles.append(text(language, "role_network_since", year=municipality.network_joined) if municipality.network_joined else text(language, "role_network"))
        return roles

    def municipality_page(self, municipality_id: str, language: str) -> dict[str, str]:
        first = municipality_path(municipality_id)
        municipality = self.vocabularies.municipalities[municipality_id]
        county = self.vocabularies.counties[municipality.county].label(language)
        examples_here = self.catalogue.examples_for_municipality(municipality_id)

        def head(page: str) -> list[str]:
            parts = ['<div class="kb-facts" markdown>', ""]
            parts.append(f"- **{text(language, 'county')}:** [{md_escape(county)}]({link(page, f'{MUNICIPALITIES_FOLDER}/index.md', 'lan-' + municipality.county)})")
            if municipality.kind == "region":
                parts.append(f"- **{text(language, 'kind_region')}**")
            if municipality.code:
                parts.append(f"- **{text(language, 'code')}:** {municipality.code}")
            roles = self._roles(municipality, language)
            if roles:
                parts.append(f"- **{text(language, 'role')}:** " + "; ".join(roles))
            parts += ["", "</div>", ""]
            sources = []
            if municipality.pilot or municipality.development:
                sources.append(text(language, "role_source_grants"))
            if municipality.network_member:
                sources.append(text(language, "role_source_network"))
            parts += [" ".join(sources), "{ .kb-source-note }", ""] if sources else []
            reuse = [(example, self._by_slug[other]) for example in examples_here for other in example.builds_on if other in self._by_slug]
            if reuse:
                parts += [f"## {text(language, 'reused_here')} {{ #ateranvant }}", ""]
                parts += [f"- [{md_escape(e.text(language).title)}]({link(page, example_path(e.slug))}) {text(language, 'builds_on_lower')} "
                          f"[{md_escape(o.text(language).title)}]({link(page, example_path(o.slug))}) ({md_escape(self._municipality_text(o))})" for e, o in reuse]
                parts.append("")
            parts += [self._map(page, language, highlight=municipality_id), ""]
            return parts

        return self._card_listing(first, municipality.name, examples_here, language,
                                  f"## {text(language, 'examples_in_municipality')} {{ #exempel }}", text(language, "no_examples"), head=head)

    def municipalities_index(self, language: str) -> str:
        page = f"{MUNICIPALITIES_FOLDER}/index.md"
        parts = [f"# {text(language, 'municipalities_title')}", "", text(language, "municipalities_intro"), "", self._map(page, language), ""]
        by_county: dict[str, list[Municipality]] = {}
        for municipality in self.vocabularies.municipalities.values():
            by_county.setdefault(municipality.county, []).append(municipality)
        for county_id in sorted(by_county, key=lambda c: self.vocabularies.counties[c].label(language)):
            parts += [f"## {md_escape(self.vocabularies.counties[county_id].label(language))} {{ #lan-{county_id} }}", ""]
            for municipality in sorted(by_county[county_id], key=lambda m: m.name):
                count = len(self.catalogue.examples_for_municipality(municipality.id))
                roles = self._roles(municipality, language)
                role_text = f" – {'; '.join(roles)}" if roles else ""
                parts.append(f"- [{md_escape(municipality.name)}]({link(page, municipality_path(municipality.id))}) ({example_count(language, count)}){role_text}")
            parts.append("")
        return _front_matter(title=text(language, "municipalities_title")) + _join(parts)

    def target_groups_page(self, language: str) -> dict[str, str]:
        """Every target group with its examples. A group with more examples
        than fit on one page gets pages of its own (``malgrupper/<group>.md``),
        linked from here, so that this page stays small."""
        page = TARGET_GROUPS_PAGE
        pages = {}
        parts = [f"# {text(language, 'target_groups_title')}", "", text(language, "target_groups_intro"), ""]
        for group_id, group in self.vocabularies.target_groups.items():
            examples = self.catalogue.examples_for_target_group(group_id)
            if not examples:
                continue
            label = group.label(language)
            parts += [f"## {md_escape(label)} {{ #{group_id} }}", ""]
            if len(examples) <= self.page_size:
                parts.append(self._example_list(examples, page, language))
                continue
            group_page = target_group_path(group_id)
            parts += [f"[{text(language, 'target_group_all', count=len(examples), group=md_escape(label))}]({link(page, group_page)})", ""]
            pages.update(self._card_listing(group_page, label, examples, language, f"## {text(language, 'target_groups_examples')} {{ #exempel }}", "",
                                            search={"exclude": True}))
        pages[page] = _front_matter(title=text(language, "target_groups_title"), search={"exclude": True}) + _join(parts)
        return pages

    def checklist_items(self, language: str, examples: list[Example] | None = None, general: bool = True,
                        page: str = CHECKLIST_PAGE) -> dict[str, dict[str, list[tuple[str, str, str, str]]]]:
        """theme -> {"tips"|"factors": [(id, markdown, link target, source title)]}.

        Each tip appears once: an example's tips stand under its main theme.
        ``examples`` (default: all) and ``general`` (the themes' general tips)
        choose what one page of the checklist holds; links are relative to ``page``.
        """
        result: dict[str, dict[str, list[tuple[str, str, str, str]]]] = {
            theme: {"tips": [], "factors": []} for theme in self.vocabularies.themes
        }
        for theme_id in self.vocabularies.themes if general else ():
            intro = self.catalogue.theme_intros.get((theme_id, language))
            if intro:
                for number, item in enumerate(intro.tips, start=1):
                    result[theme_id]["tips"].append((f"tip-{theme_id}-{number}", item.text, link(page, theme_path(theme_id), ANCHOR_GENERAL_TIPS), text(language, "general_tips_source", theme=intro.title)))
        for example in sorted(self.catalogue.examples if examples is None else examples, key=lambda e: e.slug):
            example_text = example.text(language)
            target = example_path(example.slug)
            for number, item in enumerate(example_text.tips, start=1):
                result[example.main_theme]["tips"].append((f"tip-{example.slug}-{number}", item.text, link(page, target, ANCHOR_TIPS), example_text.title))
            for number, item in enumerate(example_text.success_factors, start=1):
                markdown = f"**{md_escape(item.name)}.** {item.text}" if item.name else item.text
                result[example.main_theme]["factors"].append((f"factor-{example.slug}-{number}", markdown, link(page, target, ANCHOR_FACTORS), example_text.title))
        return result

    def checklist_page(self, language: str) -> dict[str, str]:
        """The general tips and every example's tips and success factors, by
        theme; on numbered pages of ``page_size`` examples each (in theme order)
        when there are many. Ticks are kept per item, so they hold across pages."""
        theme_order = {theme_id: index for index, theme_id in enumerate(self.vocabularies.themes)}
        ordered = sorted(self.catalogue.examples, key=lambda e: (theme_order.get(e.main_theme, len(theme_order)), e.slug))
        chunks = in_pages(ordered, self.page_size)
        pages = {}
        for number, chunk in enumerate(chunks, start=1):
            page = listing_page_path(CHECKLIST_PAGE, number)
            title = self._paged_title(text(language, "checklist_title"), number, len(chunks), language)
            items = self.checklist_items(language, chunk, general=number == 1, page=page)
            parts = [f"# {title}", "", text(language, "checklist_intro"), "", self._pdf_link(page, language), ""]
            for section, key, anchor in (("checklist_tips", "tips", "tips"), ("checklist_factors", "factors", "forutsattningar")):
                parts += [f"## {text(language, section)} {{ #{anchor} }}", ""]
                for theme_id, theme in self.vocabularies.themes.items():
                    entries = items[theme_id][key]
                    if not entries:
                        continue
                    parts += [f"### {md_escape(theme.label(language))} {{ #{anchor}-{theme_id} }}", "", '<ul class="kb-checklist" markdown>']
                    for item_id, markdown, target, source in entries:
                        parts.append(
                            f'<li markdown><input type="checkbox" id="{item_id}" data-kb-check="{item_id}">'
                            f'<label for="{item_id}">{markdown}</label> '
                            f'<span class="kb-from">{text(language, "checklist_from")}: [{md_escape(source)}]({target})</span></li>'
                        )
                    parts += ["</ul>", ""]
            parts.append(self._pager(CHECKLIST_PAGE, number, len(chunks), language))
            pages[page] = _front_matter(title=title) + _join(parts)
        return pages

    def start_page(self, intro_markdown: str, intro_title: str, language: str) -> str:
        page = START_PAGE
        figures = text(
            language, "figures",
            examples=len(self.catalogue.examples),
            with_examples=len(self.catalogue.municipalities_with_examples()),
            municipalities=sum(1 for m in self.vocabularies.municipalities.values() if m.network_member),
            themes=len(self.vocabularies.themes),
        )
        links = [
            ("start_link_examples", f"{EXAMPLES_FOLDER}/index.md"),
            ("start_link_themes", f"{THEMES_FOLDER}/index.md"),
            ("start_link_municipalities", f"{MUNICIPALITIES_FOLDER}/index.md"),
            ("start_link_target_groups", TARGET_GROUPS_PAGE),
            ("start_link_checklist", CHECKLIST_PAGE),
        ]
        parts = [f"# {md_escape(intro_title)}", "", intro_markdown.strip(), "",
                 f"## {text(language, 'figures_title')} {{ #siffror }}", "", figures, "{ .kb-figures }", "",
                 f"## {text(language, 'start_links_title')} {{ #hitta }}", ""]
        parts += [f"- [{text(language, key)}]({link(page, target)})" for key, target in links]
        parts += ["", self._pdf_link(page, language)]
        return _front_matter(title=intro_title) + _join(parts)

    # ---- everything ----------------------------------------------------

    def generate(self, start_intro: dict[str, tuple[str, str]]) -> dict[str, str]:
        """Every generated file: path -> content. ``start_intro`` maps a
        language to the (title, Markdown) of the hand-written start text."""
        pages: dict[str, str] = {}
        for language in LANGUAGES:
            def put(path: str, content: str) -> None:
                pages[localized(path, language)] = content  # noqa: B023 - called within this pass of the loop

            for example in self.catalogue.examples:
                put(example_path(example.slug), self.example_page(example, language))
            def put_all(generated: dict[str, str]) -> None:
                for path, content in generated.items():
                    put(path, content)

            put_all(self.examples_index(language))
            put(f"{THEMES_FOLDER}/index.md", self.themes_index(language))
            for theme_id in self.vocabularies.themes:
                if (theme_id, language) in self.catalogue.theme_intros:
                    put_all(self.theme_page(theme_id, language))
            put(f"{MUNICIPALITIES_FOLDER}/index.md", self.municipalities_index(language))
            for municipality_id in self.vocabularies.municipalities:
                put_all(self.municipality_page(municipality_id, language))
            put_all(self.target_groups_page(language))
            put_all(self.checklist_page(language))
            if language in start_intro:
                title, markdown = start_intro[language]
                put(START_PAGE, self.start_page(markdown, title, language))
        for language in LANGUAGES:
            pages[localized(OPEN_DATA_PAGE, language)] = self.open_data_page(language)
            pages[localized(PROFILE_PAGE, language)] = self.profile_page(language)
            pages[localized(DOSSIER_PAGE, language)] = self.dossier_page(language)
        pages.update(open_data_files(self.catalogue, self.dates, self.site_url))
        pages[SCHEMA_FILE] = json.dumps(example_schema(self.vocabularies), ensure_ascii=False, indent=2) + "\n"
        pages[TRANSLATION_SCHEMA_FILE] = json.dumps(example_schema(self.vocabularies, translation=True), ensure_ascii=False, indent=2) + "\n"
        return pages


def _is_tips_heading(heading_line: str, language: str) -> bool:
    from .body import THEME_TIPS_HEADINGS

    return heading_line.lstrip("#").strip().casefold() == THEME_TIPS_HEADINGS[language].casefold()
