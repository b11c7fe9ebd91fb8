"""The controlled vocabularies in ``data/``: themes, target groups, counties,
municipalities and source documents, each with Swedish and English labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .front_matter import load_yaml_file
from .problems import Problem

LANGUAGES = ("sv", "en")


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
    for municipality in municipalities.values():
        if municipality.county not in counties:
            problems.append(Problem(str(data_dir / "municipalities.yml"), None, "county",
                                    f"{municipality.id}: unknown county '{municipality.county}'; allowed: {', '.join(counties)}"))
    if problems:
        raise VocabularyError(problems)
    return Vocabularies(themes, target_groups, counties, municipalities, sources, profile)


_LEVEL_FIELDS = {"id": str, "sv": str, "en": str, "sv_definition": str, "en_definition": str}


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
        levels: dict[str, ProfileLevel] = {}
        for level_index, level in enumerate(entry["levels"]):
            level_line = document.line_of((index, "levels", level_index))
            if not isinstance(level, dict) or set(level) != set(_LEVEL_FIELDS) or not all(isinstance(item, str) for item in level.values()):
                problems.append(Problem(name, level_line, "levels", f"each level needs exactly {', '.join(_LEVEL_FIELDS)} (text)"))
                continue
            if level["id"] in levels:
                problems.append(Problem(name, level_line, "id", f"'{level['id']}' is used twice"))
                continue
            levels[level["id"]] = ProfileLevel(**level)
        if entry["field"] in profile:
            problems.append(Problem(name, line, "field", f"'{entry['field']}' is used twice"))
            continue
        profile[entry["field"]] = ProfileField(entry["field"], entry["sv"], entry["en"], levels, entry.get("multiple", False))
    return profile
