"""The whole knowledge base as one print document per language, and its PDF.

The PDF is made from a purpose-built HTML document (not from the screen
pages): a cover with title, edition date and version, a table of contents with
page numbers, the start text, one chapter per theme with its introduction and
its examples (each on a new page), the tips checklist, the sources and an
imprint. WeasyPrint lays it out with CSS Paged Media (running headers, page
counters, ``target-counter`` for the contents) and writes a tagged PDF/UA-1
with the document language, title and bookmarks from the headings.

Which documents are made (the whole knowledge base, the themes, or the parts
of the themes in a large knowledge base) is planned in ``pdf_plan``; this
module renders the plan.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

import markdown as markdown_module

from .catalogue import Catalogue
from .examples import Example, SourceRef
from .gc_pause import cycle_collection_rare
from .pages import PageGenerator
from .pdf_plan import PART_LIMIT, WHOLE_PDF_LIMIT, PdfPlanEntry, pdf_folder, pdf_plan
from .ui_text import text as ui
from .vocabulary import LANGUAGES


PRINT_TEXT = {
    "sv": {
        "subtitle": "Praktikexempel, tips och förutsättningar för att lyckas från kommuner som arbetar med romsk inkludering",
        "edition": "Utgåva {date}",
        "version": "Version {version}",
        "contents": "Innehåll",
        "about": "Om kunskapsbanken",
        "checklist_note": "Bocka av det ni har gjort. Sidhänvisningen visar var tipset kommer ifrån.",
        "page": "s.",
        "see_also": "Exempel med detta som bitema",
        "imprint": "Om den här utskriften",
        "imprint_text": "Den här PDF-filen skapas automatiskt från kunskapsbanken Romsk inkludering i praktiken vid varje bygge av webbplatsen. Den innehåller alla praktikexempel, temasidornas tips och tipslistan. Innehållet bygger på källorna nedan; varje exempel anger vilken källa och vilka sidor det bygger på.",
        "all_sources": "Källor",
        "author": "Romsk inkludering i praktiken – kunskapsbanken",
        "part": "Del {part} av {parts}",
        "part_note": "Den här filen är del {part} av {parts} av temat {theme}; de andra delarna finns att ladda ner från temasidan på webbplatsen.",
    },
    "en": {
        "subtitle": "Practice examples, tips and conditions for success from municipalities working for Roma inclusion",
        "edition": "Edition {date}",
        "version": "Version {version}",
        "contents": "Contents",
        "about": "About the knowledge base",
        "checklist_note": "Tick off what you have done. The page reference shows where the tip comes from.",
        "page": "p.",
        "see_also": "Examples with this as a secondary theme",
        "imprint": "About this document",
        "imprint_text": "This PDF is made automatically from the knowledge base Roma inclusion in practice at every build of the website. It holds every practice example, the tips of the theme pages and the tips checklist. The content builds on the sources below; each example names the source and pages it draws on.",
        "all_sources": "Sources",
        "author": "Roma inclusion in practice – the knowledge base",
        "part": "Part {part} of {parts}",
        "part_note": "This file is part {part} of {parts} of the theme {theme}; the other parts can be downloaded from the theme's page on the website.",
    },
}

SITE_TITLES = {"sv": "Romsk inkludering i praktiken", "en": "Roma inclusion in practice"}

_MD_LINK = re.compile(r'href="(?:\.\./)*(?:exempel/)?([a-z0-9-]+)(?:\.en)?\.md(?:#[^"]*)?"')
_OTHER_MD_LINK = re.compile(r'<a href="[^"#:]*\.md(?:#[^"]*)?">(.*?)</a>', re.S)
_INTERNAL_LINK = re.compile(r"""<a href=(["'])#([^"']+)\1>(.*?)</a>""", re.S)
_ID = re.compile(r"""\bid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Edition:
    date: str  # ISO date of the content (from git), not the clock
    version: str


def _render(markdown_text: str, demote: int = 0) -> str:
    rendered = markdown_module.markdown(markdown_text, extensions=["admonition", "attr_list", "md_in_html", "tables"])
    rendered = _MD_LINK.sub(lambda match: f'href="#exempel-{match.group(1)}"', rendered)
    rendered = _OTHER_MD_LINK.sub(lambda match: match.group(1), rendered)
    if demote:
        for level in range(5, 0, -1):
            rendered = re.sub(rf"<(/?)h{level}\b", lambda m, level=level: f"<{m.group(1)}h{min(level + demote, 6)}", rendered)  # type: ignore[misc]
    return rendered


def _e(value: str) -> str:
    return html.escape(value, quote=True)


class PrintDocument:
    def __init__(self, catalogue: Catalogue, language: str, edition: Edition, start_intro: str = "", only_theme: str | None = None,
                 part: int = 1, parts: int = 1):
        self.only_theme = only_theme  # a theme's own PDF: that theme and all its examples (in the catalogue given)
        self.part, self.parts = part, parts  # a part of a theme's PDF split into parts (see pdf_plan)
        self._by_theme: dict[str, list[Example]] = {}
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.language = language
        self.edition = edition
        self.start_intro = start_intro
        self.text = PRINT_TEXT[language]
        self.checklist = PageGenerator(catalogue).checklist_items(language)

    def _themes(self) -> list[str]:
        return [self.only_theme] if self.only_theme else list(self.vocabularies.themes)

    def _examples_by_main_theme(self, theme_id: str) -> list[Example]:
        """The examples in a theme's chapter: each example once, under its main
        theme (in a theme's own PDF, every example of the theme)."""
        if theme_id not in self._by_theme:
            chosen = (e for e in self.catalogue.examples if (theme_id in e.themes if self.only_theme else e.main_theme == theme_id))
            self._by_theme[theme_id] = sorted(chosen, key=lambda e: e.text(self.language).title.casefold())
        return self._by_theme[theme_id]

    def _sources(self, sources: list[SourceRef]) -> str:
        items = []
        for ref in sources:
            document = self.vocabularies.sources[ref.document]
            identifier = f", {_e(document.identifier)}" if document.identifier else ""
            items.append(f"<li>{_e(document.title)}. {_e(document.publisher)}, {document.year}{identifier}, {self.text['page']} {_e(ref.pages)}.</li>")
        return "<ul class='sources'>" + "".join(items) + "</ul>"

    def _example(self, example: Example) -> str:
        language = self.language
        example_text = example.text(language)
        lang_attribute = f' lang="{example_text.language}"' if example_text.language != language else ""
        facts = [
            (ui(language, "municipalities" if len(example.municipalities) > 1 else "municipality"),
             ", ".join(self.vocabularies.municipalities[m].name for m in example.municipalities)),
            (ui(language, "themes"), ", ".join(self.vocabularies.themes[t].label(language) for t in example.themes)),
            (ui(language, "target_groups"), ", ".join(self.vocabularies.target_groups[g].label(language) for g in example.target_groups)),
        ]
        if example_text.partners:
            facts.append((ui(language, "partners"), ", ".join(example_text.partners)))
        if example_text.period:
            facts.append((ui(language, "period"), example_text.period))
        headings = {"sv": ("Beskrivning", "Förutsättningar för att arbetet ska lyckas", "Tips"),
                    "en": ("Description", "Conditions for success", "Tips")}[example_text.language]
        parts = [f'<article class="example" id="exempel-{example.slug}"{lang_attribute}>',
                 f"<h2>{_e(example_text.title)}</h2>"]
        if not example_text.translated:
            parts.append(f'<p class="note" lang="{language}">{_e(ui(language, "not_translated"))}</p>')
        parts.append("<dl class='facts'>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts) + "</dl>")
        parts.append(f"<p class='summary'>{_e(example_text.summary)}</p>")
        parts.append(f"<h3>{headings[0]}</h3>" + _render(example_text.description, demote=2))
        if example_text.success_factors:
            items = "".join(
                f"<li>{'<strong>' + _e(item.name) + '.</strong> ' if item.name else ''}{_render(item.text)[3:-4]}</li>"
                for item in example_text.success_factors
            )
            parts.append(f"<h3>{headings[1]}</h3><ul class='factors'>{items}</ul>")
        if example_text.tips:
            items = "".join(f"<li>{_render(item.text)[3:-4]}</li>" for item in example_text.tips)
            parts.append(f"<h3>{headings[2]}</h3><ul class='tips'>{items}</ul>")
        parts.append(f"<h3 lang='{language}'>{_e(ui(language, 'sources'))}</h3><div lang='{language}'>{self._sources(example.sources)}</div>")
        parts.append("</article>")
        return "\n".join(parts)

    def _theme(self, theme_id: str) -> str:
        intro = self.catalogue.theme_intros.get((theme_id, self.language))
        title = intro.title if intro else self.vocabularies.themes[theme_id].label(self.language)
        parts = [f'<section class="chapter theme" id="tema-{theme_id}">', f"<h1>{_e(title)}</h1>"]
        if intro:
            parts.append(f'<div class="intro">{_render(intro.markdown, demote=1)}</div>')
        secondary = [] if self.only_theme else [e for e in self.catalogue.examples_for_theme(theme_id) if e.main_theme != theme_id]
        if secondary:
            links = "".join(f'<li><a href="#exempel-{e.slug}">{_e(e.text(self.language).title)}</a></li>' for e in secondary)
            parts.append(f"<h3>{_e(self.text['see_also'])}</h3><ul class='see-also'>{links}</ul>")
        parts.append("</section>")
        parts += [self._example(example) for example in self._examples_by_main_theme(theme_id)]
        return "\n".join(parts)

    def _toc(self) -> str:
        entries = [f'<li class="toc-chapter"><a href="#om">{_e(self.text["about"])}</a></li>']
        for theme_id in self._themes():
            theme = self.vocabularies.themes[theme_id]
            intro = self.catalogue.theme_intros.get((theme_id, self.language))
            entries.append(f'<li class="toc-chapter"><a href="#tema-{theme_id}">{_e(intro.title if intro else theme.label(self.language))}</a></li>')
            for example in self._examples_by_main_theme(theme_id):
                entries.append(f'<li class="toc-example"><a href="#exempel-{example.slug}">{_e(example.text(self.language).title)}</a></li>')
        entries.append(f'<li class="toc-chapter"><a href="#tipslista">{_e(ui(self.language, "checklist_title"))}</a></li>')
        entries.append(f'<li class="toc-chapter"><a href="#kallor">{_e(self.text["all_sources"])}</a></li>')
        entries.append(f'<li class="toc-chapter"><a href="#om-utskriften">{_e(self.text["imprint"])}</a></li>')
        return f'<nav class="toc" id="innehall"><h2>{_e(self.text["contents"])}</h2><ul>{"".join(entries)}</ul></nav>'

    def _checklist(self) -> str:
        language = self.language
        parts = [f'<section class="chapter checklist" id="tipslista"><h1>{_e(ui(language, "checklist_title"))}</h1>',
                 f"<p>{_e(self.text['checklist_note'])}</p>"]
        anchors = self._anchors()  # once: it goes through every example of the document
        for key, title in (("tips", ui(language, "checklist_tips")), ("factors", ui(language, "checklist_factors"))):
            parts.append(f"<h2 class='checklist-part'>{_e(title)}</h2>")
            for theme_id, theme in self.vocabularies.themes.items():
                entries = [entry for entry in self.checklist[theme_id][key] if _print_anchor(entry[2]) in anchors]
                if not entries:
                    continue
                parts.append(f"<h3>{_e(theme.label(language))}</h3><ul class='checkboxes'>")
                for _item_id, item_markdown, target, source in entries:
                    anchor = _print_anchor(target)
                    parts.append(f"<li>{_render(item_markdown)[3:-4]} <span class='from'>({_e(source)}, "
                                 f"<a class='page-ref' href='#{anchor}'>{self.text['page']} </a>)</span></li>")
                parts.append("</ul>")
        parts.append("</section>")
        return "\n".join(parts)

    def _anchors(self) -> set[str]:
        anchors = {f"tema-{theme_id}" for theme_id in self._themes()}
        return anchors | {f"exempel-{e.slug}" for theme_id in self._themes() for e in self._examples_by_main_theme(theme_id)}

    def _all_sources(self) -> str:
        items = "".join(
            f"<li>{_e(d.title)}. {_e(d.publisher)}, {d.year}{', ' + _e(d.identifier) if d.identifier else ''}.</li>"
            for d in self.vocabularies.sources.values()
        )
        return f'<section class="chapter" id="kallor"><h1>{_e(self.text["all_sources"])}</h1><ul class="sources">{items}</ul></section>'

    def html(self) -> str:
        language = self.language
        title = SITE_TITLES[language]
        if self.only_theme:
            title += " – " + self.vocabularies.themes[self.only_theme].label(language)
        part = self.text["part"].format(part=self.part, parts=self.parts) if self.parts > 1 else ""
        if part:
            title += " – " + part
        edition = self.text["edition"].format(date=self.edition.date)
        version = self.text["version"].format(version=self.edition.version)
        part_note = ""
        if part and self.only_theme:
            theme_label = self.vocabularies.themes[self.only_theme].label(language)
            part_note = f"<p>{_e(self.text['part_note'].format(part=self.part, parts=self.parts, theme=theme_label))}</p>"
        body = [
            '<section class="cover">',
            f'<p class="cover-title">{_e(title)}</p>',
            *([f'<p class="cover-part">{_e(part)}</p>'] if part else []),
            f'<p class="cover-subtitle">{_e(self.text["subtitle"])}</p>',
            f'<p class="cover-edition">{_e(edition)}<br>{_e(version)}</p>',
            "</section>",
            self._toc(),
            f'<section class="chapter" id="om"><h1>{_e(self.text["about"])}</h1>{_render(self.start_intro, demote=1)}</section>',
            *[self._theme(theme_id) for theme_id in self._themes()],
            self._checklist(),
            self._all_sources(),
            f'<section class="chapter" id="om-utskriften"><h1>{_e(self.text["imprint"])}</h1>'
            f"<p>{_e(self.text['imprint_text'])}</p>{part_note}<p>{_e(edition)}. {_e(version)}.</p></section>",
        ]
        body_html = _unlink_missing_targets("".join(body))
        head = (
            f'<meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta name="author" content="{_e(self.text["author"])}">'
            f'<meta name="description" content="{_e(self.text["subtitle"])}">'
            f'<meta name="dcterms.created" content="{_e(self.edition.date)}">'
            f'<meta name="dcterms.modified" content="{_e(self.edition.date)}">'
            f"<style>{PRINT_CSS}</style>"
        )
        return f'<!DOCTYPE html>\n<html lang="{language}"><head>{head}</head><body>{body_html}</body></html>'


def _unlink_missing_targets(body: str) -> str:
    """Links to examples that are not in this document (a theme's PDF, or a
    part of one, holds only some examples) become plain text instead of
    links that go nowhere."""
    ids = set(_ID.findall(body))
    return _INTERNAL_LINK.sub(lambda m: m.group(0) if m.group(2) in ids else m.group(3), body)


def _print_anchor(target: str) -> str:
    """A checklist link target (``../exempel/x.md#tips``) as an anchor in the print document."""
    path = target.split("#", 1)[0]
    name = path.rsplit("/", 1)[-1][: -len(".md")]
    return f"tema-{name}" if "/teman/" in f"/{path}" or path.startswith("teman/") else f"exempel-{name}"


PRINT_CSS = """
@page {
  size: A4;
  margin: 22mm 20mm 22mm 20mm;
  @top-center { content: string(chapter); font-size: 8.5pt; color: #444; }
  @bottom-center { content: counter(page); font-size: 9pt; }
}
@page :first { @top-center { content: none; } @bottom-center { content: none; } }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
h1, h2, h3 { font-weight: bold; line-height: 1.2; break-after: avoid; }
h1 { font-size: 20pt; string-set: chapter content(); bookmark-level: 1; margin: 0 0 8mm; }
h2 { font-size: 15pt; bookmark-level: 2; margin: 6mm 0 3mm; }
h3, h4, h5, h6 { font-size: 11.5pt; bookmark-level: none; margin: 5mm 0 2mm; }
.cover { break-after: page; padding-top: 70mm; }
.cover p { bookmark-level: none; }
.cover-title { font-size: 30pt; font-weight: bold; margin: 0 0 8mm; }
.cover-subtitle { font-size: 14pt; margin: 0 0 30mm; }
.cover-part { font-size: 16pt; font-weight: bold; margin: 0 0 8mm; }
.cover-edition { font-size: 11pt; }
.toc { break-after: page; }
.toc h2 { bookmark-level: none; font-size: 20pt; }
.toc ul { list-style: none; padding: 0; }
.toc li { margin: 1.2mm 0; }
.toc li.toc-chapter { font-weight: bold; margin-top: 3mm; }
.toc li.toc-example { padding-left: 6mm; }
.toc a { color: #111; text-decoration: none; }
.toc a::after { content: leader(".") " " target-counter(attr(href), page); }
.chapter { break-before: page; }
.example { break-before: page; }
.example h2 { string-set: none; }
.facts { border-left: 1mm solid #3f51b5; padding: 1mm 0 1mm 4mm; margin: 0 0 4mm; }
.facts dt { font-weight: bold; float: left; clear: left; margin-right: 2mm; }
.facts dt::after { content: ":"; }
.facts dd { margin: 0 0 1mm 0; }
.summary { font-weight: bold; }
.note { border: 0.4mm solid #888; padding: 2mm; }
li { break-inside: avoid; margin-bottom: 1.5mm; }
a { color: #1a237e; }
.checklist h2.checklist-part { break-before: auto; }
ul.checkboxes { list-style: none; padding-left: 8mm; }
ul.checkboxes li::before { content: ""; display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.35mm solid #111; margin-left: -7mm; margin-right: 3.8mm; vertical-align: -0.4mm; }
.from { color: #444; font-size: 9pt; }
a.page-ref::after { content: target-counter(attr(href), page); }
.sources { font-size: 9.5pt; }
"""


def edition_from_git(root: Path) -> Edition:
    """The edition: the build date (from git or SOURCE_DATE_EPOCH, see
    build_info, never the clock alone) and the short hash of the commit, so
    that two builds of the same commit are identical."""
    from .build_info import build_date, ensure_source_date_epoch
    from .git import run_git

    epoch = ensure_source_date_epoch(root)
    version = (run_git(root, "rev-parse", "--short", "HEAD", timeout=20) or "").strip()
    return Edition(date=build_date(epoch) if epoch is not None else "–", version=version or "–")


def _cache_pdf_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` cheap.

    The property builds a new tuple of the references of *every* page at each
    call, and WeasyPrint's PDF/UA tagging calls it once for every tagged
    element (and the anchors once for every destination): O(elements × pages),
    the largest single cost of writing a tagged PDF of a few hundred pages
    (18 of 89 s of CPU in a profile of 100 examples, 26 of 189 s for 200).
    The same tuple is kept while the page list is unchanged (pages are only
    ever appended), so the PDF is byte-identical. Applied once per process,
    and only when pydyf still has the property."""
    try:
        import pydyf
    except ImportError:  # pragma: no cover - WeasyPrint depends on it
        return
    current = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(current, property) or getattr(current.fget, "_romkb_cached", False):
        return
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


def document_catalogue(catalogue: Catalogue, entry: PdfPlanEntry, by_slug: dict[str, Example] | None = None) -> Catalogue:
    """The catalogue a planned document is made from: the vocabularies, the
    theme introductions and only the document's own examples."""
    if entry.theme is None and len(entry.slugs) == len(catalogue.examples):
        return catalogue
    by_slug = by_slug or {example.slug: example for example in catalogue.examples}
    return dataclasses.replace(catalogue, examples=[by_slug[slug] for slug in entry.slugs], problems=[])


def render_pdf(catalogue: Catalogue, entry: PdfPlanEntry, edition: Edition, start_intro: str, target: Path, base_url: str) -> Path:
    """Render one planned document (``catalogue``: see document_catalogue) to ``target``."""
    from weasyprint import HTML

    _cache_pdf_page_references()
    with cycle_collection_rare():
        source = PrintDocument(catalogue, entry.language, edition, start_intro, only_theme=entry.theme,
                               part=entry.part, parts=entry.parts).html()
        identifier = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].encode("ascii")
        HTML(string=source, base_url=base_url).write_pdf(target, pdf_variant="pdf/ua-1", pdf_identifier=identifier, custom_metadata=True)
    return target


def _render_pdf(job: tuple) -> Path:
    """Render one PDF (runs in a worker process)."""
    return render_pdf(*job)


def _job_name(entry: PdfPlanEntry) -> str:
    if entry.theme is None:
        return entry.language
    return f"{entry.language}/{entry.theme}" + (f"/{entry.part}" if entry.parts > 1 else "")


def write_pdfs(catalogue: Catalogue, edition: Edition, start_intros: dict[str, str], site_dir: Path,
               languages=LANGUAGES, themes: bool = True, workers: int | None = None,
               whole_limit: int = WHOLE_PDF_LIMIT, part_limit: int = PART_LIMIT) -> dict[str, Path]:
    """Render the documents of ``pdf_plan`` into ``site_dir`` (``pdf/…`` for
    the default language, ``<lang>/pdf/…`` for the others), on every core:
    for a small knowledge base one PDF of the whole per language and one per
    theme, for a large one the parts of the themes' PDFs. Returns
    name -> path (``sv``, ``sv/<theme>``, ``sv/<theme>/<part>``).

    Each job carries only the examples of its document (the vocabularies and
    theme introductions besides), so that neither sending the jobs to the
    workers nor building a document grows with the whole catalogue."""
    from concurrent.futures import ProcessPoolExecutor

    plan = pdf_plan(catalogue, languages=languages, themes=themes, whole_limit=whole_limit, part_limit=part_limit)
    by_slug = {example.slug: example for example in catalogue.examples}
    jobs: dict[str, tuple] = {}
    for entry in plan:
        folder = site_dir / pdf_folder(entry.language)
        folder.mkdir(parents=True, exist_ok=True)
        jobs[_job_name(entry)] = (document_catalogue(catalogue, entry, by_slug), entry, edition, start_intros.get(entry.language, ""),
                                  folder / entry.file_name, str(site_dir))
    # The largest documents first, so that no core waits for one long job at the end.
    order = sorted(jobs, key=lambda name: -len(jobs[name][1].slugs))
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        return {name: _render_pdf(jobs[name]) for name in order}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        written = dict(zip(order, pool.map(_render_pdf, [jobs[name] for name in order])))
    return {name: written[name] for name in jobs}
