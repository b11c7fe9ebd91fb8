"""The plan of the PDF documents (romkb.pdf_plan): bounded documents at any
size, today's files for a small knowledge base, page links that point at
planned files; and one small split PDF rendered and inspected."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections import Counter

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT
from romkb import print_document
from romkb.catalogue import load_catalogue
from romkb.languages import DEFAULT_LANGUAGE
from romkb.pages import PageGenerator
from romkb.pydyf_patch import cache_page_references
from romkb.pdf_plan import PART_LIMIT, PDF_FILE_NAMES, WHOLE_PDF_LIMIT, pdf_index, pdf_plan
from romkb.print_document import document_catalogue, render_pdf
from romkb.print_html import Edition, PrintDocument
from romkb.languages import LANGUAGES



@pytest.fixture(scope="module")
def real():
    return load_catalogue(ROOT)


def synthetic(real, n: int):
    """n examples in memory: numbered copies of the real ones (own slug and
    title in every language), so the themes are spread as in the real
    content. Fast: nothing is written or parsed."""
    examples = []
    for index in range(n):
        original = real.examples[index % len(real.examples)]
        texts = {language: dataclasses.replace(value, title=f"{value.title} {index:04d}")
                 for language, value in original.texts.items()}
        examples.append(dataclasses.replace(original, slug=f"{original.slug}-{index:04d}", texts=texts, builds_on=[]))
    return dataclasses.replace(real, examples=examples)


def test_small_knowledge_base_keeps_todays_files(real):
    assert len(real.examples) <= WHOLE_PDF_LIMIT
    plan = pdf_plan(real)
    themes = list(real.vocabularies.themes)
    expected = []
    for language in LANGUAGES:
        folder = "pdf" if language == DEFAULT_LANGUAGE else f"{language}/pdf"
        expected += [f"{folder}/{PDF_FILE_NAMES[language]}"] + [f"{folder}/tema-{theme}.pdf" for theme in themes]
    assert [entry.path for entry in plan] == expected
    for entry in plan:
        assert entry.parts == 1 and entry.part == 1
        wanted = real.examples if entry.theme is None else real.examples_for_theme(entry.theme)
        assert sorted(entry.slugs) == sorted(e.slug for e in wanted)


@pytest.mark.parametrize("n, part_limit", [(WHOLE_PDF_LIMIT + 1, PART_LIMIT), (420, PART_LIMIT), (420, 7), (1000, PART_LIMIT)])
def test_large_knowledge_base_is_split_into_bounded_parts(real, n, part_limit):
    catalogue = synthetic(real, n)
    plan = pdf_plan(catalogue, part_limit=part_limit)
    by_slug = {e.slug: e for e in catalogue.examples}
    assert all(entry.theme is not None for entry in plan)  # no whole-knowledge-base PDF
    assert len({entry.path for entry in plan}) == len(plan)  # unique files
    for language in LANGUAGES:
        for theme in catalogue.vocabularies.themes:
            parts = [entry for entry in plan if entry.language == language and entry.theme == theme]
            members = [e.slug for e in catalogue.examples_for_theme(theme)]
            # Every example of the theme in exactly one part, no other example.
            held = Counter(slug for entry in parts for slug in entry.slugs)
            assert sorted(held) == sorted(members) and set(held.values()) <= {1}
            sizes = [len(entry.slugs) for entry in parts]
            assert max(sizes) <= part_limit and max(sizes) - min(sizes) <= 1
            assert [entry.part for entry in parts] == list(range(1, len(parts) + 1))
            assert {entry.parts for entry in parts} == {len(parts)}
            names = [entry.file_name for entry in parts]
            assert names == ([f"tema-{theme}.pdf"] if len(parts) == 1 else [f"tema-{theme}-del-{k}.pdf" for k in range(1, len(parts) + 1)])
            # Parts follow the titles' order in the language.
            titles = [by_slug[slug].text(language).title.casefold() for entry in parts for slug in entry.slugs]
            assert titles == sorted(titles)
    # Bounded: no document grows with the knowledge base.
    assert max(len(entry.slugs) for entry in plan) <= part_limit


def test_the_whole_pdf_stops_at_the_limit(real):
    at_limit = pdf_plan(synthetic(real, WHOLE_PDF_LIMIT))
    above = pdf_plan(synthetic(real, WHOLE_PDF_LIMIT + 1))
    assert sum(entry.theme is None for entry in at_limit) == len(LANGUAGES)
    assert sum(entry.theme is None for entry in above) == 0


def _pdf_links(pages: dict[str, str]):
    """(language, page, target relative to the site root, kind) for every
    PDF link and every link to a theme page's list of parts: the data of
    each page's download widget (front matter kb.download)."""
    for path, content in pages.items():
        if not path.endswith(".md"):
            continue
        match = re.fullmatch(r"(.+?)(?:\.([a-z]{2}))?\.md", path)
        neutral, language = match.group(1) + ".md", match.group(2) or DEFAULT_LANGUAGE
        download = (page_meta(content).get("kb") or {}).get("download")
        if download is None:
            assert 'data-kb-widget="download"' not in content, path
            continue
        assert 'data-kb-widget="download"' in content, path
        for link in download["links"]:
            kind = "pdf" if link["pdf"] else "parts"
            assert (link.get("anchor") == "pdf") == (kind == "parts")
            yield language, neutral, link["url"].rstrip("/"), kind


def page_meta(content: str) -> dict:
    return yaml.safe_load(content.split("---\n", 2)[1])


@pytest.mark.parametrize("n", [14, 420])
def test_page_links_point_at_planned_files(real, n):
    catalogue = real if n == len(real.examples) else synthetic(real, n)
    generator = PageGenerator(catalogue)
    pages = generator.generate({language: ("Start", "Intro.") for language in LANGUAGES})
    plan = pdf_plan(catalogue)
    planned = {entry.path: entry for entry in plan}
    index = pdf_index(catalogue)
    linked, example_links = set(), 0
    for language, page, target, kind in _pdf_links(pages):
        if kind == "parts":
            # A split theme, listed on the start page and the checklist: its page lists the parts.
            theme = target.rsplit("/", 1)[-1]
            prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
            assert target == f"{prefix}teman/{theme}" and len(index.theme_parts(language, theme)) > 1
            theme_page = pages[f"teman/{theme}.md" if not prefix else f"teman/{theme}.{language}.md"]
            assert page_meta(theme_page)["kb"]["download"]["id"] == "pdf"
            continue
        assert target in planned, (page, target)
        entry = planned[target]
        assert entry.language == language
        linked.add(target)
        if page.startswith("exempel/") and page != "exempel/index.md":
            example_links += 1
            slug = page[len("exempel/"):-len(".md")]
            assert slug in entry.slugs
            example = next(e for e in catalogue.examples if e.slug == slug)
            assert entry.theme in (None, example.main_theme)
    assert example_links == len(catalogue.examples) * len(LANGUAGES)  # every example page offers its PDF
    # Every planned file is offered somewhere: the whole PDFs (start page,
    # examples, checklist) and every theme's PDF or part (its theme's page).
    assert linked == set(planned)
    assert (index.whole(DEFAULT_LANGUAGE) is None) == (n > WHOLE_PDF_LIMIT)


def test_write_pdfs_renders_the_plan_with_only_each_documents_examples(real, tmp_path, monkeypatch):
    catalogue = synthetic(real, 60)
    jobs = []
    monkeypatch.setattr(print_document, "_render_pdf", lambda job: jobs.append(job) or job[4])
    written = print_document.write_pdfs(catalogue, Edition("2025-01-01", "x"), {}, tmp_path, workers=1, whole_limit=20, part_limit=8)
    plan = pdf_plan(catalogue, whole_limit=20, part_limit=8)
    assert sorted(str(path.relative_to(tmp_path)) for path in written.values()) == sorted(entry.path for entry in plan)
    for document, entry, *_ in jobs:
        assert [e.slug for e in document.examples] == list(entry.slugs)
    assert len(jobs[0][1].slugs) == max(len(entry.slugs) for entry in plan)  # largest first


def test_links_to_examples_outside_the_document_become_text(real):
    catalogue = synthetic(real, 30)
    # An example whose description links to another example.
    example = catalogue.examples[0]
    other = catalogue.examples[1]
    linked_text = dataclasses.replace(example.texts["sv"], description=f"Se [{other.slug}]({other.slug}.md) och [mig]({example.slug}.md).")
    example = dataclasses.replace(example, texts={**example.texts, "sv": linked_text})
    alone = dataclasses.replace(catalogue, examples=[example])
    source = PrintDocument(alone, "sv", Edition("2025-01-01", "x"), "", only_theme=example.main_theme).html()
    assert f'href="#exempel-{other.slug}"' not in source and other.slug in source
    assert f'<a href="#exempel-{example.slug}">mig</a>' in source


def test_cached_page_references_are_the_same():
    import pydyf

    assert cache_page_references()
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert first == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 4 and pdf.page_references[:3] == first


def test_page_references_workaround_leaves_other_pydyf_versions_alone(monkeypatch):
    """The patch is written for one pydyf version: another keeps pydyf's own property."""
    import pydyf

    monkeypatch.setattr(pydyf.PDF, "page_references", property(lambda self: ()))
    monkeypatch.setattr(pydyf, "__version__", "99.0.0")
    assert not cache_page_references()
    assert pydyf.PDF.page_references.fget(None) == ()  # untouched


def test_a_split_part_is_rendered_with_its_part_on_cover_and_title(real, tmp_path):
    theme = max(real.vocabularies.themes, key=lambda t: len(real.examples_for_theme(t)))
    plan = [entry for entry in pdf_plan(real, languages=("en",), whole_limit=1, part_limit=2) if entry.theme == theme]
    assert len(plan) >= 2
    entry = plan[1]
    target = tmp_path / entry.file_name
    render_pdf(document_catalogue(real, entry), entry, Edition("2025-01-01", "x"), "", target, str(tmp_path))
    assert entry.file_name == f"tema-{theme}-del-2.pdf"
    part = f"Part 2 of {len(plan)}"
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip().endswith(part) and fields["Tagged"].strip() == "yes"
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert part in cover
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout.split())
    titles = {e.slug: " ".join(e.text("en").title.split()) for e in real.examples_for_theme(theme)}
    assert all(titles[slug] in text for slug in entry.slugs)
    outline = [item.title for item in PdfReader(target).outline if not isinstance(item, list)]
    assert len(outline) >= 2
