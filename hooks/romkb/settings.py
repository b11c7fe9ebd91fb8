"""The build's switches and tuning constants, declared in one place: the
``extra.romkb`` block of ``mkdocs.yml`` (with ``!ENV`` overrides there).

The hook reads the block once per build and hands the typed values on; no
module reads the environment. Each field's default is the library's own
constant, which the block in ``mkdocs.yml`` restates so that it can be seen
and changed. No MkDocs imports here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from .pages import LIST_PAGE_SIZE, RELATED_LIMIT
from .pdf_plan import PART_LIMIT, WHOLE_PDF_LIMIT
from .problems import Problem, did_you_mean

CONFIG_FILE = "mkdocs.yml"
BLOCK = "extra.romkb"


@dataclass(frozen=True)
class Settings:
    cache: bool = True  # ROMKB_CACHE: reuse the checks of unchanged example files (.cache/romkb/)
    pdf: bool = True  # ROMKB_PDF: write the PDFs after `mkdocs build`
    offline: bool = False  # ROMKB_OFFLINE: the file:// copy (the offline plugin's switch)
    site_url: str = ""  # SITE_URL: the published address (MkDocs' site_url)
    page_size: int = LIST_PAGE_SIZE  # examples on one listing page
    related_limit: int = RELATED_LIMIT  # related examples shown on an example's page
    pdf_whole_limit: int = WHOLE_PDF_LIMIT  # above this many examples, no PDF of the whole
    pdf_part_limit: int = PART_LIMIT  # the most examples in one part of a theme's PDF

    @property
    def pdf_plan_options(self) -> dict[str, int]:
        """The keyword arguments of ``pdf_plan`` (pages and PDFs must agree)."""
        return {"whole_limit": self.pdf_whole_limit, "part_limit": self.pdf_part_limit}


class SettingsError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def _switch(value: Any) -> bool | None:
    """A switch as ``!ENV`` delivers it: a YAML boolean, 0/1, or such a word."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = "" if value is None else str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def read_settings(block: Mapping[str, Any] | None) -> Settings:
    """Settings from the ``extra.romkb`` block (None: the defaults). Raises
    SettingsError naming every unknown field and every value of the wrong kind."""
    known = {item.name: item for item in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    problems = []
    for name, value in (block or {}).items():
        where = f"{BLOCK}.{name}"
        if name not in known:
            problems.append(Problem(CONFIG_FILE, None, where, f"unknown setting; the settings are {', '.join(known)}.{did_you_mean(name, list(known))}"))
            continue
        kind = type(getattr(Settings, name))
        if kind is bool:
            switch = _switch(value)
            if switch is None:
                problems.append(Problem(CONFIG_FILE, None, where, f"must be true or false (or 1 or 0), not {value!r}"))
            values[name] = switch
        elif kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(Problem(CONFIG_FILE, None, where, f"must be a whole number of at least 1, not {value!r}"))
            values[name] = value
        else:
            values[name] = "" if value is None else str(value)
    if problems:
        raise SettingsError(problems)
    return Settings(**values)
