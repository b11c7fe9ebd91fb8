"""Golden snapshots of the generated pages for a small fixed catalogue.

The catalogue is ``tests/golden/project/``: a fixed copy of ``data/``, the
hand-written start and theme texts, and seven examples (one without an English
translation, so that its English page is a fallback). It is a copy, not the
project's own folders, so that a snapshot changes only when page generation
changes, never because an editor added an example or reworded a theme page.
(The interface text is the project's own, data/ui/: rewording a label shows
here too.)
Listing pages hold two examples each, so that the theme "utbildning" and the
examples index have a page 2.

After an intended change to the generated pages, rewrite the snapshots with

    python3 -m pytest tests/test_golden.py --update-golden

and review the diff of ``tests/golden/expected/`` like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from romkb.catalogue import load_catalogue
from romkb.git_dates import FileDates
from romkb.map_svg import load_outline
from romkb.pages import PageGenerator
from romkb.print_html import Edition, PrintDocument
from romkb.site_sources import read_start_intro

GOLDEN = Path(__file__).resolve().parent / "golden"
PROJECT = GOLDEN / "project"
EXPECTED = GOLDEN / "expected"
PAGE_SIZE = 2
# Fixed dates and edition: the snapshots must not depend on git or the clock.
DATES = {"examples/boras-enskilt-stod.md": FileDates("2024-03-01", "2025-01-15"),
         "examples/brobyggare.md": FileDates("2023-11-20", "2024-06-30")}
EDITION = Edition("2025-02-01", "abc1234")

# snapshot file -> generated page (path in the assembled source folder)
PAGES = {
    "example.sv.md": "exempel/boras-enskilt-stod.md",
    "example.en.md": "exempel/boras-enskilt-stod.en.md",
    "example-fallback.en.md": "exempel/stockholm-ambassadorer-for-manskliga-rattigheter.en.md",
    "theme-page-1.sv.md": "teman/utbildning.md",
    "theme-page-2.sv.md": "teman/utbildning/sida/2.md",
    "municipality.sv.md": "kommuner/boras.md",
    "checklist.sv.md": "tipslista.md",
    "checklist.en.md": "tipslista.en.md",
    "examples-index.sv.md": "exempel/index.md",
    "examples-index-page-2.en.md": "exempel/sida/2.en.md",
    "start.sv.md": "index.md",
    "start.en.md": "index.en.md",
    "profile.sv.md": "profil.md",
}
PRINT = {"print.sv.html": "sv", "print.en.html": "en"}


@pytest.fixture(scope="module")
def fixture_catalogue():
    catalogue = load_catalogue(PROJECT)
    assert not catalogue.errors, catalogue.errors
    return catalogue


@pytest.fixture(scope="module")
def start_intros():
    intros, problems = read_start_intro(PROJECT / "docs", PROJECT)
    assert not problems, problems
    return intros


@pytest.fixture(scope="module")
def generated(fixture_catalogue, start_intros) -> dict[str, str]:
    generator = PageGenerator(fixture_catalogue, dates=DATES, outline=load_outline(PROJECT / "data"), page_size=PAGE_SIZE)
    return generator.generate(start_intros)


def _compare(name: str, actual: str, update: bool) -> None:
    path = EXPECTED / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {path.relative_to(GOLDEN.parent.parent)}: run pytest tests/test_golden.py --update-golden"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its snapshot (intended? run pytest tests/test_golden.py --update-golden and review the diff)"


@pytest.mark.parametrize("name", [*PAGES, *PRINT])
def test_generated_output_matches_snapshot(name, generated, fixture_catalogue, start_intros, update_golden):
    if name in PRINT:
        language = PRINT[name]
        actual = PrintDocument(fixture_catalogue, language, EDITION, start_intros[language][1]).html()
    else:
        assert PAGES[name] in generated, f"{PAGES[name]} was not generated"
        actual = generated[PAGES[name]]
    _compare(name, actual, update_golden)


def test_every_snapshot_is_checked():
    """A snapshot left behind by a renamed page would never be compared."""
    assert sorted(path.name for path in EXPECTED.iterdir()) == sorted([*PAGES, *PRINT])
