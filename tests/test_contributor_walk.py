"""The walk in CONTRIBUTING.md, as a new contributor makes it: scaffold an example
for a municipality that has none, fill in the template, validate, build, and
find the example on its theme page, municipality page, the index and the
tips checklist."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import romkb, run_build


def fill_in(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_new_example_from_the_template_reaches_every_page(project_with_templates, tmp_path):
    project_copy = project_with_templates
    assert not list((project_copy / "examples").glob("lund-*")), "pick a municipality without examples"

    created = romkb(project_copy, "new", "--title", "Läxhjälp på biblioteket", "--municipality", "lund",
                    "--theme", "utbildning", "--target-group", "elever")
    assert created.returncode == 0, created.stderr
    assert "created examples/lund-laxhjalp-pa-biblioteket.md" in created.stdout
    swedish = project_copy / "examples" / "lund-laxhjalp-pa-biblioteket.md"
    english = project_copy / "examples" / "lund-laxhjalp-pa-biblioteket.en.md"

    # Scaffolding never overwrites.
    again = romkb(project_copy, "new", "--title", "Läxhjälp på biblioteket", "--municipality", "lund",
                  "--theme", "utbildning", "--target-group", "elever")
    assert again.returncode == 1 and "already exists; nothing was written" in again.stderr

    # The untouched template is refused, pointing at each TODO.
    refused = romkb(project_copy, "validate", str(swedish))
    assert refused.returncode == 1
    assert "examples/lund-laxhjalp-pa-biblioteket.md:40: summary: the template's placeholder TODO is still here" in refused.stdout

    swedish.write_text(fill_in(swedish.read_text(encoding="utf-8"), {
        '  - "TODO: organisationens namn"': '  - "Stadsbiblioteket"',
        'period: "TODO: när"': 'period: "2024"',
        'summary: "TODO: en mening som sammanfattar exemplet"': "summary: Kommunen erbjuder läxhjälp på stadsbiblioteket för romska elever.",
        "  - document: TODO\n    pages: \"TODO\"": "  - document: romsk-inkludering-i-praktiken\n    pages: \"21–23\"",
        "TODO: Beskriv arbetet med egna ord: bakgrund, vad kommunen gjorde, tillsammans med\nvilka, och vad det ledde till. Bara sådant som källan säger.": "En testbeskrivning av läxhjälpen.",
        "- **TODO: förutsättningens namn.** TODO: vad som krävs och varför. Ta bort hela\n  avsnittet om källan inte nämner några förutsättningar.": "- **Lokal.** En lugn plats att vara på.",
        "- TODO: ett tips per punkt. Ta bort hela avsnittet om källan inte ger några tips.": "- Samarbeta med biblioteket om lokalen.",
    }), encoding="utf-8")
    english.write_text(fill_in(english.read_text(encoding="utf-8"), {
        'title: "TODO: the activity\'s name in English"': "title: Homework help at the library",
        '  - "TODO: the organisation\'s name"': '  - "The city library"',
        'period: "TODO: when"': 'period: "2024"',
        'summary: "TODO: one sentence that sums up the example"': "summary: The municipality offers homework help at the city library for Roma pupils.",
        "TODO: a faithful translation of the Swedish description.": "A test description of the homework help.",
        "- **TODO: the condition's name.** TODO: the same items, in the same order, as the\n  Swedish file.": "- **Premises.** A calm place to be.",
        "- TODO: the same tips, in the same order, as the Swedish file.": "- Work with the library on the premises.",
    }), encoding="utf-8")

    checked = romkb(project_copy, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    site = tmp_path / "site"
    for prefix, title, tip in (("", "Läxhjälp på biblioteket", "Samarbeta med biblioteket om lokalen."),
                               ("en/", "Homework help at the library", "Work with the library on the premises.")):
        for page in ("teman/utbildning", "kommuner/lund", "exempel", "malgrupper"):
            html = (site / prefix / page / "index.html").read_text(encoding="utf-8")
            soup = BeautifulSoup(html, "html.parser")
            links = [a for a in soup.select("article a[href]") if re.search(r"lund-laxhjalp-pa-biblioteket/$", a["href"])]
            assert links and links[0].get_text(strip=True) == title, (prefix, page)
        checklist = BeautifulSoup((site / prefix / "tipslista" / "index.html").read_text(encoding="utf-8"), "html.parser")
        labels = [label.get_text(" ", strip=True) for label in checklist.select("ul.kb-checklist label")]
        assert labels.count(tip) == 1
        assert (site / prefix / "exempel" / "lund-laxhjalp-pa-biblioteket" / "index.html").exists()
