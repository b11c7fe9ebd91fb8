"""The fixed structure of an example's Markdown body, and checks on its content.

An example body has level-2 sections with fixed names per language:
the description (required), the success factors and the tips (optional).
Success factors and tips are bulleted lists, one item per factor or tip; a
success factor may start with its name in bold: ``- **Förtroende.** text``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .problems import Problem

DESCRIPTION = "description"
SUCCESS_FACTORS = "success_factors"
TIPS = "tips"

SECTION_HEADINGS = {
    "sv": {
        DESCRIPTION: "Beskrivning",
        SUCCESS_FACTORS: "Förutsättningar för att arbetet ska lyckas",
        TIPS: "Tips",
    },
    "en": {
        DESCRIPTION: "Description",
        SUCCESS_FACTORS: "Conditions for success",
        TIPS: "Tips",
    },
}

# The general tips on a theme introduction page in docs/teman/.
THEME_TIPS_HEADINGS = {"sv": "Kommunernas tips och råd", "en": "Municipalities' tips and advice"}

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_BULLET = re.compile(r"^[-*+][ \t]+(.*)$")
_FACTOR_NAME = re.compile(r"^\*\*(?P<name>[^*]+?)\*\*[ \t]*(?P<text>.*)$", re.S)

RAW_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.I)
EVENT_HANDLER = re.compile(r"(?:<[^>]*|\{[^}]*)\bon[a-z]+\s*=", re.I)
SCRIPT_URL = re.compile(r"\b(?:java|vb)script\s*:|\bdata\s*:\s*text/html", re.I)
# Elements that run or embed something, send a form, or change where links go
# or what the page loads: none belongs in an example.
EMBEDDING = re.compile(r"<\s*(iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|svg)\b", re.I)
# An image or other resource loaded from another host (the site loads nothing
# from other hosts: privacy). Links to other sites are fine.
REMOTE_RESOURCE = re.compile(
    r"\b(?:src|srcset|poster|background|data)\s*=\s*[\"']?\s*(?:https?:)?//|!\[[^\]]*\]\(\s*<?\s*(?:https?:)?//", re.I
)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")  # may span lines
_LINK_PART = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")  # a Markdown link's target, may span lines
_URL_IGNORED = re.compile(r"[\t\n\r]")  # browsers drop these inside URLs
# A Markdown link's target on one line (whitespace other than a line break
# allowed): searched over a whole text at once.
_LINK_TARGET_IN_LINE = re.compile(r"\]\([^\S\n]*<?([^)\s>]+)>?(?:[^\S\n]+\"[^\"\n]*\")?[^\S\n]*\)")
_EXAMPLE_LINK = re.compile(r"^(?P<slug>[a-z0-9][a-z0-9-]*)(?:\.en)?\.md(?:#.*)?$")


@dataclass
class ListItem:
    text: str  # Markdown
    line: int
    name: str | None = None  # a success factor's bold name, without the final full stop


@dataclass
class Body:
    sections: dict[str, str] = field(default_factory=dict)  # section key -> Markdown
    intro: str = ""  # Markdown before the first section (theme pages)


def parse_sections(path: str, text: str, first_line: int, headings: dict[str, str]) -> tuple[Body, list[Problem], dict[str, int]]:
    """Split a body into the sections named in ``headings`` (key -> title),
    line by line: a heading inside a code fence is text."""
    by_title = {title.casefold(): key for key, title in headings.items()}
    body = Body()
    problems: list[Problem] = []
    section_lines: dict[str, int] = {}
    current: str | None = None
    chunks: dict[str | None, list[tuple[int, str]]] = {None: []}
    in_fence = False
    chunk = chunks[None]
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        # Plain prefix tests first: most lines are prose, and the regexes
        # below would be tried on every one of them.
        if line.lstrip()[:3] in ("```", "~~~"):
            in_fence = not in_fence
        match = None if in_fence or not line.startswith("#") else _HEADING.match(line)
        if match and len(match.group(1)) <= 2:
            current = _section_of_heading(path, number, match, headings, by_title, section_lines, problems)
            chunk = chunks.setdefault(current, [])
            continue
        chunk.append((number, line))
    problems += _order_problems(path, first_line, headings, section_lines)
    body.intro = "\n".join(line for _, line in chunks.get(None, [])).strip()
    for key in section_lines:
        body.sections[key] = "\n".join(line for _, line in chunks[key]).strip()
    return body, problems, section_lines


_IGNORED = "__ignored__"  # the text under an unexpected heading


def _section_of_heading(path: str, number: int, match: re.Match, headings: dict[str, str], by_title: dict[str, str],
                        section_lines: dict[str, int], problems: list[Problem]) -> str:
    """The section a level-1 or level-2 heading starts (or _IGNORED), noting
    an unexpected or repeated heading in ``problems`` and the line in ``section_lines``."""
    title = match.group(2).strip()
    key = by_title.get(title.casefold()) if len(match.group(1)) == 2 else None
    if key is None:
        allowed = ", ".join(f"'## {t}'" for t in headings.values())
        problems.append(Problem(path, number, "body", f"unexpected heading '{match.group(0).strip()}'; the sections are {allowed}"))
        return _IGNORED
    if key in section_lines:
        problems.append(Problem(path, number, "body", f"the section '## {title}' appears twice"))
    section_lines[key] = number
    return key


def _order_problems(path: str, first_line: int, headings: dict[str, str], section_lines: dict[str, int]) -> list[Problem]:
    order = list(headings)
    seen_order = list(section_lines)
    if seen_order != sorted(seen_order, key=order.index):
        return [Problem(path, first_line, "body", "the sections are out of order; the order is " + ", ".join(f"'## {headings[k]}'" for k in order))]
    return []


def parse_list(path: str, lines: list[tuple[int, str]], section_title: str, with_names: bool) -> tuple[list[ListItem], list[Problem]]:
    """Parse a section that must be a bulleted list."""
    items: list[ListItem] = []
    problems: list[Problem] = []
    current: list[str] | None = None
    start = 0
    for number, line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            if current is not None:
                items.append(_item(current, start, with_names))
            current, start = [bullet.group(1)], number
        elif not line.strip():
            continue
        elif current is not None and line.startswith((" ", "\t")):
            current.append(line.strip())
        else:
            problems.append(Problem(path, number, "body", f"the section '## {section_title}' must be a bulleted list ('- …'), one item per point; this line is outside the list"))
    if current is not None:
        items.append(_item(current, start, with_names))
    for item in items:
        if not item.text.strip():
            problems.append(Problem(path, item.line, "body", f"an empty item in '## {section_title}'"))
    return items, problems


def _item(parts: list[str], line: int, with_names: bool) -> ListItem:
    text = " ".join(part for part in parts if part)
    if with_names:
        match = _FACTOR_NAME.match(text)
        if match:
            name = match.group("name").strip().rstrip(".:").strip()
            return ListItem(match.group("text").strip().lstrip(":–-").strip(), line, name)
    return ListItem(text, line)


def section_lines(text: str, first_line: int, heading_line: int) -> list[tuple[int, str]]:
    """The numbered lines of the section that starts after ``heading_line``."""
    result = []
    first = max(heading_line - first_line + 1, 0)  # the section's lines start after its heading
    for offset, line in enumerate(text.split("\n")[first:], start=first):
        number = first_line + offset
        heading = _HEADING.match(line) if line.startswith("#") else None
        if heading and len(heading.group(1)) <= 2:
            break
        result.append((number, line))
    return result


def _unsafe(fragment: str) -> list[str]:
    """What is wrong with a piece of Markdown, read the way a browser reads the
    HTML it becomes: character references decoded (``&#x61;`` is ``a``) and
    tabs and newlines inside URLs ignored."""
    decoded = html.unescape(fragment)
    if "<" not in decoded and "{" not in decoded and ":" not in decoded and "//" not in decoded:
        return []  # every pattern below needs one of these (most lines of prose have none)
    messages = []
    if RAW_SCRIPT.search(decoded):
        messages.append("a <script> tag is not allowed; examples are plain Markdown")
    if EVENT_HANDLER.search(decoded):
        messages.append("an event-handler attribute (on…=) is not allowed; examples are plain Markdown")
    if SCRIPT_URL.search(_URL_IGNORED.sub("", decoded)):
        messages.append("a javascript: (or vbscript:, data:text/html) link is not allowed")
    element = EMBEDDING.search(decoded)
    if element:
        messages.append(f"the HTML element <{element.group(1).lower()}> is not allowed; examples are plain Markdown")
    if REMOTE_RESOURCE.search(decoded):
        messages.append("an image or other content loaded from another website is not allowed (the site loads nothing from other hosts); link to it instead")
    return messages


def unsafe_markup(path: str, text: str, first_line: int, field_name: str = "body") -> list[Problem]:
    """Raw script, event-handler attributes, script URLs, embedding elements and
    content from other hosts are never allowed. Each line is checked, and so is
    every HTML tag and Markdown link target that spans lines."""
    found: dict[tuple[int, str], None] = {}
    for offset, line in enumerate(text.split("\n")):
        for message in _unsafe(line):
            found.setdefault((first_line + offset, message))
    for pattern in (_TAG, _LINK_PART):
        for match in pattern.finditer(text):
            if "\n" not in match.group(0):
                continue  # already checked with its line
            number = first_line + text.count("\n", 0, match.start())
            last = number + match.group(0).count("\n")
            for message in _unsafe(match.group(0)):
                if not any((line, message) in found for line in range(number, last + 1)):
                    found.setdefault((number, message))
    return [Problem(path, number, field_name, message) for number, message in found]


def example_links(text: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, target, slug) for every link to another example (``slug.md``)."""
    found: list[tuple[int, str, str]] = []
    if "](" not in text:
        return found
    number, counted = first_line, 0
    for match in _LINK_TARGET_IN_LINE.finditer(text):
        target = match.group(1)
        example = _EXAMPLE_LINK.match(target)
        if example:
            number += text.count("\n", counted, match.start())
            counted = match.start()
            found.append((number, target, example.group("slug")))
    return found
