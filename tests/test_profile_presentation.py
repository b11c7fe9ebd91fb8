"""The profile's presentation is data (data/profile.yml: each field's icon
and filter key): removing a field, or its filter, just works once the
examples no longer name it; a wrong icon or filter key gets a clear message."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import run_build
from romkb.vocabulary import VocabularyError, load_vocabularies


def _drop_field(project, name: str) -> None:
    profile = project / "data" / "profile.yml"
    text = profile.read_text(encoding="utf-8")
    start = text.index(f"- field: {name}\n")
    end = text.find("\n- field: ", start + 1)
    profile.write_text(text[:start] + (text[end + 1:] if end != -1 else ""), encoding="utf-8")


def test_removing_a_field_names_every_example_that_still_has_it(project_copy):
    _drop_field(project_copy, "cost")
    build = run_build(project_copy, project_copy / "site")
    assert build.returncode != 0
    assert re.search(r"examples/brobyggare\.md:\d+: profile\.cost: unknown field 'cost'; allowed fields: maturity, .*review_status", build.output)
    assert "Traceback" not in build.output and "KeyError" not in build.output


def test_a_field_removed_from_data_and_examples_leaves_the_site_without_it(project_copy):
    """Today's crash (KeyError: 'kostnad' in the facet form) is gone: the filter, the card line and the definitions go."""
    _drop_field(project_copy, "cost")
    for path in (project_copy / "examples").glob("*.md"):
        path.write_text(re.sub(r"(?m)^  cost: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    build = run_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.output
    index = BeautifulSoup((build.site / "exempel" / "index.html").read_text(encoding="utf-8"), "html.parser")
    facets = [fieldset["data-facet"] for fieldset in index.select("fieldset")]
    assert "kostnad" not in facets and "finansiering" in facets
    assert not index.select("[data-kostnad]")
    card = BeautifulSoup((build.site / "exempel" / "brobyggare" / "index.html").read_text(encoding="utf-8"), "html.parser")
    labels = [item.strong.get_text() for item in card.select(".kb-profile li")]
    assert "Kostnad:" not in labels and "Finansiering:" in labels
    definitions = (build.site / "profil" / "index.html").read_text(encoding="utf-8")
    assert 'id="cost"' not in definitions and 'id="funding"' in definitions


def test_icon_and_filter_come_from_the_data(project_copy):
    profile = project_copy / "data" / "profile.yml"
    text = profile.read_text(encoding="utf-8").replace("  icon: material-cash\n  filter: kostnad\n", "  icon: material-currency-eur\n")
    profile.write_text(text, encoding="utf-8")
    vocabularies = load_vocabularies(project_copy / "data")
    assert vocabularies.profile["cost"].icon == "material-currency-eur" and vocabularies.profile["cost"].facet is None
    assert vocabularies.profile["funding"].facet == "finansiering"


def test_a_wrong_icon_or_filter_key_is_reported_with_its_line(project_copy):
    profile = project_copy / "data" / "profile.yml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace("icon: material-cash", "icon: material-cashh")
    text = text.replace("filter: finansiering", "filter: tema")
    text = text.replace("filter: starttid", "filter: kostnad")
    text = text.replace("  icon: material-bank\n", "  icon: material-bank\n  ikon: x\n")
    profile.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    try:
        load_vocabularies(project_copy / "data")
    except VocabularyError as error:
        messages = [str(problem).replace(str(project_copy) + "/", "") for problem in error.problems]
    else:
        raise AssertionError("the broken profile was accepted")
    line = lambda needle: lines.index(needle) + 1  # noqa: E731
    assert f"data/profile.yml:{line('  icon: material-cashh')}: icon: 'material-cashh' is not an icon of the theme; " \
           "write e.g. material-stairs-up (see https://pictogrammers.com/library/mdi/)" in messages
    assert f"data/profile.yml:{line('  filter: tema')}: filter: 'tema' is the index's own filter; the taken keys are tema, malgrupp, kommun, lan, roll, q" in messages
    assert f"data/profile.yml:{len(lines) - lines[::-1].index('  filter: kostnad')}: filter: 'kostnad' is already the filter of the field cost" in messages
    assert any(message.startswith(f"data/profile.yml:{line('  ikon: x')}: ikon: unknown key; allowed: field, sv, en, levels, multiple, icon, filter.")
               and "icon" in message.split(".", 1)[1] for message in messages), messages
