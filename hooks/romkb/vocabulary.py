"""The controlled vocabularies in ``data/``: themes, target groups, counties,
municipalities and source documents, each with Swedish and English labels."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .front_matter import load_yaml_file
from .problems import Problem, did_you_mean
from .ui_text import ui_problems


@dataclass(frozen=True)
class Term:
    """A vocabulary entry with a label per language."""

    id: str
    sv: str
    en: str

    def label(self, language: str) -> str:
        return self.sv if language == "sv" else self.en


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    county: str
    kind: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None
    pilot: bool = False
    development: bool = False
    network_member: bool = False
    network_joined: int | None = None
    network_initiator: bool = False

    def label(self, language: str) -> str:
        return self.name


@dataclass(frozen=True)
class SourceDocument:
    id: str
    title: str
    publisher: str
    year: int
    identifier: str | None = None


@dataclass(frozen=True)
class ProfileLevel:
    id: str
    sv: str
    en: str
    sv_definition: str
    en_definition: str

    def label(self, language: str) -> str:
        return self.sv if language == "sv" else self.en

    def definition(self, language: str) -> str:
        return self.sv_definition if language == "sv" else self.en_definition


@dataclass(frozen=True)
class ProfileField:
    """A field of the practice profile (data/profile.yml) and its levels."""

    field: str
    sv: str
    en: str
    levels: dict[str, ProfileLevel]
    multiple: bool = False
    icon: str | None = None  # a Material icon shortcode name (material-stairs-up), shown before the field
    facet: str | None = None  # the field's key in the examples index's filter (mognad); None: no filter

    def label(self, language: str) -> str:
        return self.sv if language == "sv" else self.en


NOT_STATED = "ej-angivet"


@dataclass(frozen=True)
class Vocabularies:
    themes: dict[str, Term]
    target_groups: dict[str, Term]
    counties: dict[str, Term]
    municipalities: dict[str, Municipality]
    sources: dict[str, SourceDocument]
    profile: dict[str, ProfileField] = field(default_factory=dict)


class VocabularyError(Exception):
    """The data files themselves are broken; the build cannot go on."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


_TERM_FIELDS = {"id": str, "sv": str, "en": str}
_MUNICIPALITY_FIELDS = {
    "id": str, "name": str, "county": str, "kind": str, "code": str, "lat": float, "lon": float, "pilot": bool,
    "development": bool, "network_member": bool, "network_joined": int, "network_initiator": bool,
}
_MUNICIPALITY_REQUIRED = ("id", "name", "county", "kind")
_SOURCE_FIELDS = {"id": str, "title": str, "publisher": str, "year": int, "identifier": str}
_SOURCE_REQUIRED = ("id", "title", "publisher", "year")


def _read_entries(path: Path, fields: Mapping[str, type], required: tuple[str, ...], problems: list[Problem]) -> list[dict[str, Any]]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, None, None, f"cannot read the vocabulary file: {error.strerror}"))
        return []
    value, document = load_yaml_file(name, raw)
    problems.extend(document.problems)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, 1, None, "the file must be a list of entries ('- id: …')"))
        return []
    entries, seen = [], set()
    for index, entry in enumerate(value):
        line = document.line_of((index,))
        if not isinstance(entry, dict):
            problems.append(Problem(name, line, None, "each entry must be fields of the form 'name: value'"))
            continue
        bad = False
        for key, item in entry.items():
            if key not in fields:
                problems.append(Problem(name, document.line_of((index, key)), key, f"unknown field; allowed: {', '.join(fields)}"))
                bad = True
            elif not isinstance(item, fields[key]) or (fields[key] is int and isinstance(item, bool)):
                problems.append(Problem(name, document.line_of((index, key)), key, f"must be {fields[key].__name__}, got {item!r}"))
                bad = True
        for key in required:
            if key not in entry:
                problems.append(Problem(name, line, key, "missing required field"))
                bad = True
        if not bad and entry["id"] in seen:
            problems.append(Problem(name, line, "id", f"'{entry['id']}' is used twice"))
            bad = True
        if not bad:
            seen.add(entry["id"])
            entries.append(entry)
    return entries


def load_vocabularies(data_dir: Path) -> Vocabularies:
    """Read every vocabulary file; raise VocabularyError listing all problems."""
    problems: list[Problem] = []

    def terms(file_name: str) -> dict[str, Term]:
        entries = _read_entries(data_dir / file_name, _TERM_FIELDS, tuple(_TERM_FIELDS), problems)
        return {entry["id"]: Term(**entry) for entry in entries}

    themes = terms("themes.yml")
    target_groups = terms("target_groups.yml")
    counties = terms("counties.yml")
    municipalities = {
        entry["id"]: Municipality(**entry)
        for entry in _read_entries(data_dir / "municipalities.yml", _MUNICIPALITY_FIELDS, _MUNICIPALITY_REQUIRED, problems)
    }
    sources = {
        entry["id"]: SourceDocument(**entry)
        for entry in _read_entries(data_dir / "sources.yml", _SOURCE_FIELDS, _SOURCE_REQUIRED, problems)
    }
    profile = _read_profile(data_dir / "profile.yml", problems)
    problems.extend(ui_problems())  # the interface text (data/ui/) is data too
    for municipality in municipalities.values():
        if municipality.county not in counties:
            problems.append(Problem(str(data_dir / "municipalities.yml"), None, "county",
                                    f"{municipality.id}: unknown county '{municipality.county}'; allowed: {', '.join(counties)}"))
    if problems:
        raise VocabularyError(problems)
    return Vocabularies(themes, target_groups, counties, municipalities, sources, profile)


_LEVEL_FIELDS = {"id": str, "sv": str, "en": str, "sv_definition": str, "en_definition": str}
_PROFILE_KEYS = ("field", "sv", "en", "levels", "multiple", "icon", "filter")
# The examples index's own filters (and its text search, q): a profile field's
# filter key must not take one of them.
FIXED_FILTERS = ("tema", "malgrupp", "kommun", "lan", "roll")
_RESERVED_FILTERS = (*FIXED_FILTERS, "q")
_FILTER_KEY = re.compile(r"^[a-z][a-z0-9]*$")
_ICON = re.compile(r"^(material|fontawesome-(?:solid|regular|brands)|octicons|simple)-([a-z0-9-]+)$")


def _read_profile(path: Path, problems: list[Problem]) -> dict[str, ProfileField]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, None, None, f"cannot read the vocabulary file: {error.strerror}"))
        return {}
    value, document = load_yaml_file(name, raw)
    problems.extend(document.problems)
    if not isinstance(value, list):
        if value is not None:
            problems.append(Problem(name, 1, None, "the file must be a list of fields ('- field: …')"))
        return {}
    profile: dict[str, ProfileField] = {}
    for index, entry in enumerate(value):
        line = document.line_of((index,))
        if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("field", "sv", "en")) \
                or not isinstance(entry.get("levels"), list) or not isinstance(entry.get("multiple", False), bool):
            problems.append(Problem(name, line, None, "each field needs field, sv, en (text), levels (a list) and optionally multiple (true/false)"))
            continue
        for key in entry.keys() - set(_PROFILE_KEYS):
            problems.append(Problem(name, document.line_of((index, key)), key,
                                    f"unknown key; allowed: {', '.join(_PROFILE_KEYS)}.{did_you_mean(str(key), _PROFILE_KEYS)}"))
        levels = _read_levels(name, document, index, entry["levels"], problems)
        icon, facet = _presentation(name, document, index, entry, profile, problems)
        if entry["field"] in profile:
            problems.append(Problem(name, line, "field", f"'{entry['field']}' is used twice"))
            continue
        profile[entry["field"]] = ProfileField(entry["field"], entry["sv"], entry["en"], levels, entry.get("multiple", False), icon, facet)
    return profile


def _read_levels(name: str, document, index: int, entries: list, problems: list[Problem]) -> dict[str, ProfileLevel]:
    levels: dict[str, ProfileLevel] = {}
    for level_index, level in enumerate(entries):
        level_line = document.line_of((index, "levels", level_index))
        if not isinstance(level, dict) or set(level) != set(_LEVEL_FIELDS) or not all(isinstance(item, str) for item in level.values()):
            problems.append(Problem(name, level_line, "levels", f"each level needs exactly {', '.join(_LEVEL_FIELDS)} (text)"))
            continue
        if level["id"] in levels:
            problems.append(Problem(name, level_line, "id", f"'{level['id']}' is used twice"))
            continue
        levels[level["id"]] = ProfileLevel(**level)
    return levels


def _presentation(name: str, document, index: int, entry: dict, earlier: dict[str, ProfileField],
                  problems: list[Problem]) -> tuple[str | None, str | None]:
    """A field's icon and filter key, checked (None where absent or wrong)."""
    icon, facet = entry.get("icon"), entry.get("filter")
    if icon is not None and not _icon_exists(icon):
        problems.append(Problem(name, document.line_of((index, "icon")), "icon",
                                f"'{icon}' is not an icon of the theme; write e.g. material-stairs-up (see https://pictogrammers.com/library/mdi/)"))
        icon = None
    if facet is not None:
        used = {field.facet: field.field for field in earlier.values() if field.facet}
        message = None
        if not isinstance(facet, str) or not _FILTER_KEY.match(facet):
            message = f"must be lower-case letters and digits (it goes in addresses: ?{facet}=…), got {facet!r}"
        elif facet in _RESERVED_FILTERS:
            message = f"'{facet}' is the index's own filter; the taken keys are {', '.join(_RESERVED_FILTERS)}"
        elif facet in used:
            message = f"'{facet}' is already the filter of the field {used[facet]}"
        if message:
            problems.append(Problem(name, document.line_of((index, "filter")), "filter", message))
            facet = None
    return icon, facet


def _icon_exists(icon: object) -> bool:
    """A Material for MkDocs icon shortcode name whose SVG the installed theme bundles."""
    match = _ICON.match(icon) if isinstance(icon, str) else None
    if match is None:
        return False
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return True  # the theme is not installed here: the name's form is all that can be checked
    set_name = match.group(1).replace("-", "/", 1) if match.group(1).startswith("fontawesome") else match.group(1)
    return (Path(spec.origin).parent / "templates" / ".icons" / set_name / f"{match.group(2)}.svg").is_file()
