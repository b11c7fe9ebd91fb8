"""The JSON Schema of an example's front matter, and readable messages for its errors.

The schema is built from the vocabularies, so the published schema lists the
allowed themes, target groups, municipalities and source documents. The
validation itself is done by ``jsonschema``; this module only turns its
errors into messages a non-programmer can act on.
"""

from __future__ import annotations

from typing import Any

import jsonschema

from .front_matter import Document
from .problems import Problem, allowed_list, did_you_mean
from .vocabulary import Vocabularies

SCHEMA_ID = "https://romsk-inkludering.example/schema/example.schema.json"

FIELD_HELP = {
    "title": "the name of the practice, as text",
    "municipalities": "a list of municipality ids, e.g. [haninge]",
    "themes": "a list of theme ids, e.g. [utbildning]",
    "target_groups": "a list of target-group ids, e.g. [foraldrar, elever]",
    "partners": "a list of organisations named in the source, e.g. [\"Skolverket\"]",
    "period": "text in quotes, e.g. \"2016–2020\"",
    "summary": "one sentence of text",
    "sources": "a list of {document: <id>, pages: \"<pages>\"}",
    "document": "the id of a source document",
    "pages": "the pages as text in quotes, e.g. \"10–13\"",
    "profile": "the practice profile: every field of data/profile.yml, ej-angivet where the source is silent",
    "last_reviewed": "the date of the last review against the source, e.g. \"2026-11-25\"",
    "builds_on": "a list of the examples (file names without .md) this practice builds on",
    "contact_role": "a role to contact, e.g. \"Samordnare för nationella minoriteter\" (not a person's name)",
}

FACT_FIELDS = ("municipalities", "themes", "target_groups", "sources", "profile", "last_reviewed", "builds_on")
REVIEWED = "granskad-mot-kallan"


def _id_list(ids: list[str], description: str) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "minItems": 1,
        "uniqueItems": True,
        "items": {"type": "string", "enum": ids},
    }


def example_schema(vocabularies: Vocabularies, translation: bool = False) -> dict[str, Any]:
    """The JSON Schema for the front matter of an example (or of its translation)."""
    properties: dict[str, Any] = {
        "title": {"type": "string", "minLength": 3, "maxLength": 120, "description": "The name of the practice."},
        "municipalities": _id_list(sorted(vocabularies.municipalities), "Municipalities that run the practice (ids from data/municipalities.yml)."),
        "themes": _id_list(list(vocabularies.themes), "Themes; the first is the main theme (ids from data/themes.yml)."),
        "target_groups": _id_list(list(vocabularies.target_groups), "Who the practice is for (ids from data/target_groups.yml)."),
        "partners": {
            "type": "array",
            "uniqueItems": True,
            "items": {"type": "string", "minLength": 2, "maxLength": 200},
            "description": "Organisations the source names as partners.",
        },
        "period": {"type": "string", "minLength": 4, "maxLength": 60, "description": "When, where the source says."},
        "summary": {"type": "string", "minLength": 20, "maxLength": 400, "description": "One sentence."},
        "sources": {
            "type": "array",
            "minItems": 1,
            "description": "Where the facts come from.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["document", "pages"],
                "properties": {
                    "document": {"type": "string", "enum": list(vocabularies.sources)},
                    "pages": {"type": "string", "minLength": 1, "maxLength": 30},
                },
            },
        },
    }
    profile_properties: dict[str, Any] = {}
    for name, profile_field in vocabularies.profile.items():
        level = {"type": "string", "enum": list(profile_field.levels), "description": profile_field.en}
        profile_properties[name] = (
            {"type": "array", "minItems": 1, "uniqueItems": True, "items": level, "description": profile_field.en}
            if profile_field.multiple else level
        )
    properties["profile"] = {
        "type": "object",
        "additionalProperties": False,
        "required": list(vocabularies.profile),
        "properties": profile_properties,
        "description": "The practice profile (data/profile.yml); ej-angivet where the source says nothing.",
    }
    properties["last_reviewed"] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "Date of the last review against the source (YYYY-MM-DD)."}
    properties["builds_on"] = {
        "type": "array", "uniqueItems": True, "description": "Examples this practice builds on (their slugs).",
        "items": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"},
    }
    properties["contact_role"] = {"type": "string", "minLength": 3, "maxLength": 120, "description": "A role to contact, never a person's name."}
    required = ["title", "summary"] if translation else ["title", "municipalities", "themes", "target_groups", "summary", "sources", "profile"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.replace("example.schema", "example-translation.schema") if translation else SCHEMA_ID,
        "title": "Translation of a practice example" if translation else "Practice example",
        "description": (
            "Front matter of an English translation (<slug>.en.md); facts are taken from the Swedish file."
            if translation
            else "Front matter of a practice example in examples/<slug>.md (Romsk inkludering i praktiken)."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
        # A reviewed example says when it was reviewed.
        "if": {"properties": {"profile": {"properties": {"review_status": {"const": REVIEWED}}, "required": ["review_status"]}}, "required": ["profile"]},
        "then": {"required": ["last_reviewed"]},
    }


_TYPE_NAMES = {
    "string": "text", "array": "a list", "object": "fields of the form 'name: value'",
    "integer": "a whole number", "number": "a number", "boolean": "true or false",
}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text (\"{value[:40]}\")"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields"
    return "empty" if value is None else type(value).__name__


def field_label(path: tuple) -> str:
    """('sources', 0, 'pages') -> 'sources[0].pages'."""
    return ".".join(str(part) if not isinstance(part, int) else f"[{part}]" for part in path).replace(".[", "[")


_VALIDATORS: list[tuple[dict[str, Any], jsonschema.Draft202012Validator]] = []


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """The validator of a schema, made once per schema object (a load makes
    two schemas and checks every file with them)."""
    for known, validator in _VALIDATORS:
        if known is schema:
            return validator
    validator = jsonschema.Draft202012Validator(schema)
    _VALIDATORS[:] = [*_VALIDATORS[-7:], (schema, validator)]
    return validator


def validate_front_matter(document: Document, schema: dict[str, Any], vocabularies: Vocabularies) -> list[Problem]:
    """Every schema error of the document's front matter, as readable problems."""
    errors = _validator(schema).iter_errors(document.data)
    return [_problem(document, error, vocabularies) for error in sorted(errors, key=lambda e: (list(map(str, e.absolute_path)), e.validator))]


def _problem(document: Document, error: jsonschema.ValidationError, vocabularies: Vocabularies) -> Problem:
    path = tuple(error.absolute_path)
    line = document.line_of(path)
    field = field_label(path) or None
    value = error.instance
    top = path[0] if path else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        name = field_label(path + (missing,))
        return Problem(document.path, line, name, f"missing required field; write {FIELD_HELP.get(missing, 'a value')}")
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [key for key in value if key not in allowed]
        key = extras[0] if extras else "?"
        hint = did_you_mean(key, allowed)
        return Problem(document.path, document.line_of(path + (key,)), field_label(path + (key,)),
                       f"unknown field '{key}'; allowed fields: {', '.join(allowed)}.{hint}")
    if error.validator == "type":
        expected = error.validator_value
        wanted = _TYPE_NAMES.get(expected, expected)
        message = f"must be {wanted}, not {_kind(value)}"
        if expected == "array" and isinstance(value, str):
            message += f"; write it as a list: [{value}]"
        elif expected == "string" and isinstance(value, (int, float, bool)):
            message += "; put the value in quotes"
        elif expected == "string" and isinstance(value, list):
            message += "; write a single text value"
        help_text = FIELD_HELP.get(str(path[-1]) if path else "", "")
        if help_text and "write" not in message:
            message += f" (expected {help_text})"
        return Problem(document.path, line, field, message)
    if error.validator == "enum":
        allowed = list(error.validator_value)
        labels = _labels_for(top, vocabularies)
        hint = did_you_mean(value, allowed, labels)
        what = {"municipalities": "municipality", "themes": "theme", "target_groups": "target group", "sources": "source document"}.get(str(top), "value")
        if top == "profile":
            profile_field = vocabularies.profile.get(next((p for p in path[1:] if isinstance(p, str)), ""))
            what = f"level of {profile_field.en.lower().rstrip('?')}" if profile_field else "level"
        return Problem(document.path, line, field, f"'{value}' is not a known {what}; allowed: {allowed_list(allowed)}.{hint}")
    if error.validator == "pattern":
        return Problem(document.path, line, field, f"'{value}' has the wrong form; write {FIELD_HELP.get(str(path[-1]) if path else '', 'a valid value')}")
    if error.validator == "minItems":
        return Problem(document.path, line, field, f"needs at least one value; write {FIELD_HELP.get(str(top), 'a list')}")
    if error.validator == "uniqueItems":
        return Problem(document.path, line, field, "lists the same value twice")
    if error.validator == "minLength":
        return Problem(document.path, line, field, f"is too short (at least {error.validator_value} characters)")
    if error.validator == "maxLength":
        return Problem(document.path, line, field, f"is too long ({len(value)} characters; at most {error.validator_value})")
    return Problem(document.path, line, field, error.message)


def _labels_for(field: Any, vocabularies: Vocabularies) -> dict[str, str]:
    """Human labels (Swedish and English) mapped to ids, for "did you mean"."""
    if field == "municipalities":
        return {item.name: key for key, item in vocabularies.municipalities.items()}
    if field == "profile":
        return {level.label(language): key for profile_field in vocabularies.profile.values()
                for key, level in profile_field.levels.items() for language in ("sv", "en")}
    table = {"themes": vocabularies.themes, "target_groups": vocabularies.target_groups}.get(field)
    if table is None:
        return {}
    aliases = {term.sv: key for key, term in table.items()}
    aliases.update({term.en: key for key, term in table.items()})
    return aliases
