"""``romkb new``: create a new example from the template in ``templates/``.

The facts given (title, municipalities, themes, target groups) are checked
against the vocabularies first; the remaining fields stay as ``TODO`` for the
contributor, and the validator refuses a file that still has one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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
    title: str
    municipalities: list[str]
    themes: list[str]
    target_groups: list[str]


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


def render(template: str, new: NewExample) -> str:
    replacements = {
        r'^title: "TODO: aktivitetens namn"$': "title: " + json.dumps(new.title.strip(), ensure_ascii=False),
        r"^municipalities: \[TODO\]$": "municipalities: " + _yaml_list(new.municipalities),
        r"^themes: \[TODO\]$": "themes: " + _yaml_list(new.themes),
        r"^target_groups: \[TODO\]$": "target_groups: " + _yaml_list(new.target_groups),
    }
    for pattern, replacement in replacements.items():
        template, count = re.subn(pattern, lambda _match: replacement, template, count=1, flags=re.M)  # noqa: B023 - used at once
        if count != 1:
            raise ScaffoldError(f"the template no longer has the line {pattern!r}; update romkb/scaffold.py")
    return template


def create(root: Path, new: NewExample, vocabularies: Vocabularies, with_english: bool = True) -> list[Path]:
    """Write the new files; never overwrite. Returns the paths written."""
    messages = check_values(new, vocabularies)
    if messages:
        raise ScaffoldError("\n".join(messages))
    slug = slugify(f"{new.municipalities[0]} {new.title}")
    targets = [(root / "examples" / f"{slug}.md", root / TEMPLATE_SV)]
    if with_english:
        targets.append((root / "examples" / f"{slug}.en.md", root / TEMPLATE_EN))
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
