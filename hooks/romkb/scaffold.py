"""``romkb new``: create a new example from the template in ``templates/``.

The facts given (title, municipalities, themes, target groups) are checked
against the vocabularies first; the remaining fields stay as ``TODO`` for the
contributor, and the validator refuses a file that still has one.
``romkb from-issue`` (from_issue.py) fills the remaining fields too, through
the same template and the same ``create``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .body import DESCRIPTION, SUCCESS_FACTORS, TIPS, section_headings
from .languages import DEFAULT_LANGUAGE
from .problems import allowed_list, did_you_mean
from .vocabulary import Vocabularies

TEMPLATE_SV = "templates/example.md"
TEMPLATE_EN = "templates/example.en.md"


class ScaffoldError(Exception):
    pass


def slugify(text: str) -> str:
    """``Läxhjälp på biblioteket`` -> ``laxhjalp-pa-biblioteket``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass
class NewExample:
    """The facts of a new example. The optional fields stay ``TODO`` in the
    file when None (``romkb new``); ``romkb from-issue`` gives them all."""

    title: str
    municipalities: list[str]
    themes: list[str]
    target_groups: list[str]
    summary: str | None = None
    partners: list[str] | None = None  # [] removes the field
    period: str | None = None
    remove_period: bool = False
    sources: list[tuple[str, str]] | None = None  # (document id, pages)
    profile: dict[str, str | list[str]] = field(default_factory=dict)  # field -> level(s); the rest stay as in the template
    contact_role: str | None = None
    sections: dict[str, str | list[str]] | None = None  # body section key -> text, or list items

    @property
    def slug(self) -> str:
        return slugify(f"{self.municipalities[0] if self.municipalities else ''} {self.title}")


def example_paths(root: Path, new: NewExample, with_english: bool = True) -> list[Path]:
    """The files ``create`` writes for ``new``: the Swedish one first."""
    paths = [root / "examples" / f"{new.slug}.md"]
    if with_english:
        paths.append(root / "examples" / f"{new.slug}.en.md")
    return paths


def check_values(new: NewExample, vocabularies: Vocabularies) -> list[str]:
    """Messages for values that are not in the vocabularies."""
    messages = []
    if len(new.title.strip()) < 3:
        messages.append("title: give the activity's name (at least 3 characters)")
    tables = (
        ("municipality", new.municipalities, {key: item.name for key, item in vocabularies.municipalities.items()}),
        ("theme", new.themes, {key: term.sv for key, term in vocabularies.themes.items()}),
        ("target group", new.target_groups, {key: term.sv for key, term in vocabularies.target_groups.items()}),
    )
    for what, values, labels in tables:
        if not values:
            messages.append(f"{what}: give at least one; allowed: {allowed_list(sorted(labels))}")
        for value in values:
            if value not in labels:
                aliases = {label: key for key, label in labels.items()}
                messages.append(f"{what}: '{value}' is not known; allowed: {allowed_list(sorted(labels))}.{did_you_mean(value, sorted(labels), aliases)}")
    return messages


def _yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


def _body(sections: dict[str, str | list[str]]) -> str:
    """The body with the Swedish section headings; list sections as bullets."""
    parts = []
    for key in (DESCRIPTION, SUCCESS_FACTORS, TIPS):
        content = sections.get(key)
        if not content:
            continue
        text = "\n".join(f"- {item}" for item in content) if isinstance(content, list) else content.strip("\n")
        parts.append(f"## {section_headings(DEFAULT_LANGUAGE)[key]}\n\n{text}\n")
    return "\n".join(parts)


def render(template: str, new: NewExample) -> str:
    replacements: dict[str, str | Callable[[re.Match[str]], str]] = {
        r'^title: "TODO: aktivitetens namn"$': "title: " + _quoted(new.title.strip()),
        r"^municipalities: \[TODO\]$": "municipalities: " + _yaml_list(new.municipalities),
        r"^themes: \[TODO\]$": "themes: " + _yaml_list(new.themes),
        r"^target_groups: \[TODO\]$": "target_groups: " + _yaml_list(new.target_groups),
    }
    if new.summary is not None:
        replacements[r'^summary: "TODO: en mening som sammanfattar exemplet"$'] = "summary: " + _quoted(new.summary)
    if new.partners is not None:
        replacements[r'^partners:\n  - "TODO: organisationens namn"\n'] = (
            "partners:\n" + "".join(f"  - {_quoted(partner)}\n" for partner in new.partners) if new.partners else "")
    if new.period is not None or new.remove_period:
        replacements[r'^period: "TODO: när"\n'] = "" if new.period is None else f"period: {_quoted(new.period)}\n"
    if new.sources is not None:
        replacements[r'^  - document: TODO\n    pages: "TODO"$'] = "\n".join(
            f"  - document: {document}\n    pages: {_quoted(pages)}" for document, pages in new.sources)
    for name, level in new.profile.items():
        replacements[rf"^  {re.escape(name)}: .*$"] = f"  {name}: " + (_yaml_list(level) if isinstance(level, list) else level)
    if new.contact_role is not None:
        contact_line = f"contact_role: {_quoted(new.contact_role)}\n"
        replacements[r"^# contact_role: .*\n"] = lambda match: match.group(0) + contact_line
    if new.sections is not None:
        replacements[r"^## Beskrivning\n[\s\S]*"] = _body(new.sections)
    for pattern, replacement in replacements.items():
        # A function as the replacement: the text is used as it is (no backslash escapes).
        substitute = replacement if callable(replacement) else (lambda _match, text=replacement: text)
        template, count = re.subn(pattern, substitute, template, count=1, flags=re.M)
        if count != 1:
            raise ScaffoldError(f"the template no longer has the line {pattern!r}; update romkb/scaffold.py")
    return template


def create(root: Path, new: NewExample, vocabularies: Vocabularies, with_english: bool = True) -> list[Path]:
    """Write the new files; never overwrite. Returns the paths written."""
    messages = check_values(new, vocabularies)
    if messages:
        raise ScaffoldError("\n".join(messages))
    targets = list(zip(example_paths(root, new, with_english), (root / TEMPLATE_SV, root / TEMPLATE_EN)))
    existing = [path for path, _ in targets if path.exists()]
    if existing:
        raise ScaffoldError(
            f"{existing[0].relative_to(root)} already exists; nothing was written. "
            "Choose another title, or edit the existing file."
        )
    written = []
    for path, template in targets:
        text = template.read_text(encoding="utf-8")
        content = render(text, new) if template.name == "example.md" else text
        with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
            handle.write(content)
        written.append(path)
    return written
