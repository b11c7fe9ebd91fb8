"""``romkb review <slug>``: the editor's mark that an example was checked against its source.

It sets ``profile.review_status`` to ``granskad-mot-kallan`` and
``last_reviewed`` to the date in ``examples/<slug>.md``, changing only those
two lines (comments and the rest of the file stay as they are), and then
validates the file: a file with errors is put back as it was, because a
review mark on a file that does not pass would be a false trace.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from .examples import load_examples
from .problems import ERROR
from .schema import REVIEWED
from .vocabulary import Vocabularies

_REVIEW_STATUS = re.compile(r"^(?P<indent>[ \t]+)review_status:.*$", re.M)
_LAST_REVIEWED = re.compile(r"^last_reviewed:.*$", re.M)
_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_]")


class ReviewError(Exception):
    pass


def mark_reviewed(root: Path, slug: str, vocabularies: Vocabularies, date: datetime.date) -> Path:
    """Mark ``examples/<slug>.md`` reviewed on ``date``; returns the file's path."""
    path = root / "examples" / f"{slug}.md"
    shown = f"examples/{slug}.md"
    if not path.is_file():
        raise ReviewError(f"{shown}: no such example (give the file name without .md, e.g. haninge-traffpunkt)")
    original = path.read_text(encoding="utf-8")
    if not original.startswith("---\n") or "\n---" not in original[4:]:
        raise ReviewError(f"{shown}: the file does not start with front matter between --- lines")
    end = original.index("\n---", 3) + 1  # the closing ---'s line
    front, rest = original[:end], original[end:]
    stamp = f'last_reviewed: "{date.isoformat()}"'
    front, count = _REVIEW_STATUS.subn(lambda match: f"{match.group('indent')}review_status: {REVIEWED}", front, count=1)
    if count != 1:
        raise ReviewError(f"{shown}: profile.review_status is missing; add the profile from templates/example.md first")
    front, count = _LAST_REVIEWED.subn(stamp, front, count=1)
    if count == 0:
        front = _insert_after_profile(front, stamp)
    path.write_text(front + rest, encoding="utf-8")
    problems = [problem for problem in load_examples(root / "examples", vocabularies, only=[path], root=root).problems
                if problem.severity == ERROR]
    if problems:
        path.write_text(original, encoding="utf-8")
        raise ReviewError("the example has errors, so it was not marked reviewed (the file is unchanged):\n"
                          + "\n".join(str(problem) for problem in problems))
    return path


def _insert_after_profile(front: str, line: str) -> str:
    """``line`` as a top-level field right after the profile block."""
    lines = front.split("\n")
    start = next(index for index, text in enumerate(lines) if text.startswith("profile:"))
    end = next((index for index in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[index]) or lines[index] == "---"),
               len(lines))
    # Comment lines between the block and the next field belong to what follows.
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return "\n".join([*lines[:end], line, *lines[end:]])

