"""Problems found in contributed files, reported as ``path:line: field: message``.

Every check in the package returns ``Problem`` values instead of raising, so
that a contributor sees every problem of a file at once (the model is
python/peps' ``check-peps.py``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        prefix = "" if self.severity == ERROR else " warning:"
        return f"{location}:{prefix}{field} {self.message}"

    def github_annotation(self) -> str:
        """The problem as a GitHub Actions workflow command (shows on the PR's line)."""
        kind = "error" if self.severity == ERROR else "warning"
        line = f",line={self.line}" if self.line else ""
        title = f"{self.field}" if self.field else "romkb"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path}{line},title={title}::{message}"


def closest(value: object, allowed: Sequence[str], aliases: dict[str, str] | None = None) -> str | None:
    """The allowed id closest to ``value`` (compared case-insensitively with
    the ids and with the human labels in ``aliases``, label -> id), or None."""
    if not isinstance(value, str) or not allowed:
        return None
    text = value.strip().casefold()
    candidates = {item.casefold(): item for item in allowed}
    for label, item_id in (aliases or {}).items():
        candidates.setdefault(label.casefold(), item_id)
    matches = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
    return candidates[matches[0]] if matches else None


def did_you_mean(value: object, allowed: Sequence[str], aliases: dict[str, str] | None = None) -> str:
    """A ' Did you mean "x"?' hint for a value close to an allowed one, else ''.

    ``aliases`` maps human labels to allowed ids, so that a contributor who
    writes the label ("Göteborg") is pointed to the id ("goteborg").
    """
    match = closest(value, allowed, aliases)
    return f' Did you mean "{match}"?' if match else ""


def allowed_list(allowed: Sequence[str], limit: int = 40) -> str:
    shown = ", ".join(allowed[:limit])
    more = f" (and {len(allowed) - limit} more)" if len(allowed) > limit else ""
    return shown + more
