"""The issue form (.github/ISSUE_TEMPLATE/foresla-exempel.yml) against data/
and the schema: the committed form is the one `romkb issue-form` makes, and it
lists exactly the ids of data/, so the two cannot drift apart."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from conftest import ROOT
from romkb.issue_form import FORM_PATH, ISSUE_LABEL, source_label
from romkb.schema import example_schema
from romkb.vocabulary import NOT_STATED, load_vocabularies

VOCABULARIES = load_vocabularies(ROOT / "data")
FORM = yaml.safe_load((ROOT / FORM_PATH).read_text(encoding="utf-8"))
ELEMENTS = {element["id"]: element for element in FORM["body"] if "id" in element}


def options(form_id: str) -> list[str]:
    found = ELEMENTS[form_id]["attributes"]["options"]
    return [option["label"] if isinstance(option, dict) else option for option in found]


def both(term) -> str:
    return f"{term.sv} / {term.en}"


def test_the_committed_form_is_the_one_made_from_data():
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    check = subprocess.run([sys.executable, "-m", "romkb", "issue-form", "--check"], cwd=ROOT, env=environment,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_the_form_lists_the_same_ids_as_data():
    assert options("main_theme") == [both(term) for term in VOCABULARIES.themes.values()]
    assert options("more_themes") == options("main_theme")
    assert options("target_groups") == [both(term) for term in VOCABULARIES.target_groups.values()]
    assert options("source_document") == [source_label(document) for document in VOCABULARIES.sources.values()]
    municipalities_help = ELEMENTS["municipalities"]["attributes"]["description"]
    listed = municipalities_help.split("Kommuner i kunskapsbanken: ", 1)[1].split(". Saknas", 1)[0].split(", ")
    assert sorted(listed) == sorted(item.name for item in VOCABULARIES.municipalities.values())
    for name, profile_field in VOCABULARIES.profile.items():
        if name == "review_status":
            assert f"profile_{name}" not in ELEMENTS  # the editor's, not the proposer's
            continue
        levels = [both(level) for key, level in profile_field.levels.items() if not (profile_field.multiple and key == NOT_STATED)]
        assert options(f"profile_{name}") == levels, name
        if not profile_field.multiple:
            assert options(f"profile_{name}")[ELEMENTS[f"profile_{name}"]["attributes"]["default"]] == both(profile_field.levels[NOT_STATED])


def test_the_form_asks_for_every_required_field_of_the_schema():
    asked = {"title": "title", "municipalities": "municipalities", "themes": "main_theme", "target_groups": "target_groups",
             "summary": "summary", "sources": "source_document", "profile": "profile_maturity"}
    schema = example_schema(VOCABULARIES)
    assert set(schema["required"]) == set(asked)
    for form_id in asked.values():
        assert form_id in ELEMENTS
    for form_id in ("title", "municipalities", "main_theme", "summary", "description", "source_document", "source_pages"):
        assert ELEMENTS[form_id].get("validations", {}).get("required") is True, form_id
    assert FORM["labels"] == [ISSUE_LABEL]


def test_the_form_follows_githubs_rules_for_issue_forms():
    """What GitHub refuses in a form: repeated ids or labels, empty or repeated
    options, a default outside the options, an unknown element type."""
    ids = [element["id"] for element in FORM["body"] if "id" in element]
    labels = [element["attributes"]["label"] for element in FORM["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and len(labels) == len(set(labels))
    for element in FORM["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if element["type"] in ("dropdown", "checkboxes"):
            found = options(element["id"])
            assert found and len(found) == len(set(found)) and all(found), element["id"]
            assert "None" not in found  # GitHub reserves it for "no answer"
            default = element["attributes"].get("default")
            assert default is None or 0 <= default < len(found)
        if element["type"] != "markdown":
            description = element["attributes"].get("description", "")
            assert element["id"] == "confirmation" or " / " in description, f"{element['id']}: help in Swedish / English"
