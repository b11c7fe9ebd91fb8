"""The project's own words for the YAML problems that PyYAML and libyaml find.

Contributors act on these messages, so they must not depend on which library
release is installed. The libraries' wording differs between libyaml (C) and
PyYAML's Python parser, and changes between releases: from PyYAML 6.0.4 on,
libyaml stops very deep nesting itself ("exceeded maximum nesting depth"),
where earlier releases left that to the project's own depth limit. So:

* too-deep nesting is found by the project itself, by walking the parser's
  events (an iterative parser: no recursion, whatever the depth), and is
  reported with the limit in every case;
* every other known kind of problem is recognised in either library's wording
  and reported in the project's words, with what to write instead;
* anything not recognised gets a general message that points at the line.

Nothing here quotes a library's text to the contributor.
"""

from __future__ import annotations

import re

import yaml
from yaml.events import CollectionEndEvent, CollectionStartEvent

# (pattern over the library's "problem" text, the project's message). Each
# pattern covers libyaml's and PyYAML's wording of the same problem.
_KNOWN_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"tab|'\\t'", "a tab is used where YAML allows only spaces; indent with spaces"),
        (r"mapping values are not allowed",
         "a colon followed by a space (': ') stands where no new field can start; put a value that contains "
         "': ' in quotes, or indent a new field like the fields above it"),
        (r"block sequence entries are not allowed",
         "a list item ('- ') stands where a value was expected; start the list on the next line, indented"),
        (r"could not find expected ':'|simple key",
         "this line is not of the form 'name: value'; add the colon after the field name, "
         "or put a value that runs over several lines in quotes"),
        (r"unexpected end of stream|found unexpected end|end of the stream|found end of stream",
         "a quotation mark or bracket is never closed (it opens on this line or above); close it where the value "
         "ends"),
        (r"expected ',' or '\]'|expected ',' or '\}'|flow (sequence|mapping)",
         "a list in brackets [ ] or { } is not closed properly; check that every [ has its ] and the items are "
         "separated by commas"),
        (r"unknown escape character|escape",
         "a backslash (\\) inside double quotes starts an escape; use single quotes, or write \\\\"),
        (r"cannot start any token",
         "a value cannot start with @, ` or %; put the value in quotes"),
        (r"tag", "YAML tags (!name) are not allowed; remove the '!'"),
        (r"anchor|alias", "YAML anchors (&name) and aliases (*name) are not allowed; write the value out"),
        (r"expected <block end>|did not find expected key|did not find expected '-'|expected <document start>"
         r"|indentation|block mapping|block collection",
         "the indentation does not match the lines above; give fields of the same level the same number of "
         "spaces"),
    )
)

GENERAL = "the YAML cannot be read from this line on; check the indentation, colons and quotes on this line"


def too_deep_message(max_depth: int) -> str:
    """The one message for nesting beyond the limit, whoever finds it."""
    return (f"the YAML is nested more than {max_depth} levels deep (lists or fields inside each other); "
            "write it flatter")


def depth_beyond(text: str, max_depth: int) -> int | None:
    """The 0-based line where the nesting of ``text`` first goes beyond
    ``max_depth`` levels, or None (also when the text breaks off earlier).

    PyYAML's Python parser keeps its state on a list, not the call stack, so
    this walk is safe at any depth; it is only run when reading has failed."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > max_depth and event.start_mark is not None:  # (the Python parser always sets it)
                    return event.start_mark.line
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def describe(error: yaml.YAMLError) -> tuple[int | None, str]:
    """The 0-based line and the project's message for a library's YAML error."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line if mark is not None else None
    # The problem first: the context ("while scanning a simple key") is shared
    # by several problems and only decides when the problem is unknown.
    for text in (getattr(error, "problem", None), getattr(error, "context", None), str(error)):
        for pattern, message in _KNOWN_PROBLEMS:
            if text and pattern.search(str(text)):
                return line, message
    return line, GENERAL
