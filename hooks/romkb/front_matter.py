"""Split a Markdown file into YAML front matter and body, and read the YAML safely.

Contributed YAML is read with a strict, pure-Python loader because PyYAML's
defaults are wrong for this data (see the project notes):

* YAML 1.1 silently turns ``no``/``yes``/``on``/``off`` into booleans,
  ``2020-05-01`` into a date, ``0114`` into the octal number 76 and ``10:30``
  into 630. Here only ``true``/``false`` are booleans, only plain decimal
  numbers are numbers, and everything else stays the text the author wrote;
  the schema then says which type each field needs.
* Duplicate keys silently keep the last value: here they are an error.
* Anchors and aliases allow "billion laughs" bombs: here they are refused.
* libyaml's C composer crashes on very deep nesting and accepts anchors: the
  Python composer builds the node tree (on libyaml's scanner and parser when
  PyYAML has them), with a size cap and a depth cap.

Every value's line number is kept, so that problems can name the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .problems import Problem
from .yaml_messages import depth_beyond, describe, too_deep_message

MAX_FILE_BYTES = 512 * 1024
MAX_FRONT_MATTER_CHARS = 32 * 1024
MAX_DEPTH = 20

FieldPath = tuple  # tuple of str keys and int indexes


class _StrictRules:
    """YAML 1.2-like scalars and no anchors or aliases, for either parser."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML API
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused("YAML aliases (*name) are not allowed", event.start_mark)
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused("YAML anchors (&name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


class _StrictLoader(_StrictRules, yaml.SafeLoader):
    """The pure-Python loader: used when PyYAML has no libyaml."""

    yaml_implicit_resolvers: dict = {}


_LOADER: Any  # the strict loader in use: on libyaml's parser when PyYAML has it

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _StrictCLoader(_StrictRules, Composer, CParser, SafeConstructor, Resolver):
        """libyaml's scanner and parser (C, about four times faster than the
        pure-Python ones) under PyYAML's Python composer, so that the strict
        rules above still see every event. The C composer is not used: it
        recurses in C and crashes on very deep nesting, while the Python
        composer stops with a RecursionError (and at MAX_DEPTH before)."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

        def dispose(self):
            pass

    _LOADER = _StrictCLoader
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _LOADER = _StrictLoader


class _Refused(Exception):
    def __init__(self, message: str, mark):
        super().__init__(message)
        self.message = message
        self.mark = mark


_loader: Any
for _loader in {_StrictLoader, _LOADER}:
    _loader.yaml_implicit_resolvers = {}
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"),
        list("-+0123456789"),
    )
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
    )

# Plain scalars that YAML 1.1 (and so most YAML tools and editors) would read
# as something other than text. Kept as text here, but worth a hint when a
# field expected another type.
YAML11_SURPRISES = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
    r"|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?"
    r"|0[0-7]+|0x[0-9a-fA-F]+|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?)$"
)


@dataclass
class Document:
    """A Markdown file split into its parts."""

    path: str
    data: dict[str, Any] | None
    body: str
    body_line: int  # 1-based line number of the first body line
    lines: dict[FieldPath, int] = field(default_factory=dict)  # field path -> line
    plain_scalars: dict[FieldPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 only; a BOM is removed with a warning."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, None, None, f"the file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES} bytes")]
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        problems.append(
            Problem(path, 1, None, "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM", "warning")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, problems + [
            Problem(
                path,
                line,
                None,
                f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it with UTF-8 encoding",
            )
        ]
    if "\x00" in text:
        return None, problems + [Problem(path, None, None, "the file contains NUL bytes; it is not a text file")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


_FENCE = re.compile(r"^---[ \t]*$")


def split(path: str, text: str) -> Document:
    """Split text into front matter data and body, reporting problems."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Document(path, None, text, 1, problems=[
            Problem(path, 1, None, "the file must start with front matter: a line '---', the YAML fields, and a line '---'")
        ])
    end = next((index for index in range(1, len(lines)) if _FENCE.match(lines[index])), None)
    if end is None:
        return Document(path, None, "", len(lines), problems=[
            Problem(path, 1, None, "the front matter is not closed: add a line '---' after the YAML fields")
        ])
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    document = Document(path, None, body, end + 2)
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        document.problems.append(
            Problem(path, 2, None, f"the front matter is {len(yaml_text)} characters; the limit is {MAX_FRONT_MATTER_CHARS}")
        )
        return document
    _parse_yaml(document, yaml_text, line_offset=1)
    return document


def _parse_yaml(document: Document, yaml_text: str, line_offset: int) -> None:
    path = document.path
    tab_line = next(
        (number for number, line in enumerate(yaml_text.split("\n"), start=1) if line[: len(line) - len(line.lstrip(" \t"))].count("\t")),
        None,
    )
    if tab_line is not None:
        document.problems.append(
            Problem(path, tab_line + line_offset, None, "a tab is used for indentation; YAML allows only spaces")
        )
        return
    loader = _new_loader(document, yaml_text, line_offset)
    if loader is None:
        return
    try:
        node = loader.get_single_node()
        if node is None:
            document.data = {}
            return
        value = _construct(document, loader, node, (), 0, line_offset)
    except _Refused as refused:
        document.problems.append(Problem(path, refused.mark.line + 1 + line_offset, None, refused.message))
        return
    except (yaml.YAMLError, RecursionError) as error:
        document.problems.append(_unreadable(path, yaml_text, error, line_offset))
        return
    finally:
        loader.dispose()
    if not isinstance(value, dict):
        document.problems.append(
            Problem(path, 1 + line_offset, None, "the front matter must be fields of the form 'name: value'")
        )
        return
    document.data = value


def _unreadable(path: str, text: str, error: Exception, line_offset: int) -> Problem:
    """The problem for YAML that PyYAML or libyaml could not read, in the
    project's words (see yaml_messages: library wording varies by release)."""
    deep_line = depth_beyond(text, MAX_DEPTH)
    if deep_line is not None:
        return Problem(path, deep_line + 1 + line_offset, None, too_deep_message(MAX_DEPTH))
    if isinstance(error, RecursionError):
        return Problem(path, None, None, too_deep_message(MAX_DEPTH))
    line, message = describe(error)  # type: ignore[arg-type]
    return Problem(path, None if line is None else line + 1 + line_offset, None, f"broken YAML: {message}")


def _new_loader(document: Document, text: str, line_offset: int):
    """A loader for ``text``, or None with a problem: PyYAML refuses control
    characters (ReaderError) already when the loader is made."""
    try:
        return _LOADER(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1 + line_offset
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        document.problems.append(Problem(document.path, line, None,
                                         f"the character U+{character:04X} (a control character) is not allowed in YAML; remove it"))
        return None


_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}


def _construct(document: Document, loader, node, field_path: FieldPath, depth: int, offset: int):
    if depth > MAX_DEPTH:
        raise _Refused(too_deep_message(MAX_DEPTH), node.start_mark)
    document.lines.setdefault(field_path, node.start_mark.line + 1 + offset)
    if isinstance(node, ScalarNode):
        if not node.style and YAML11_SURPRISES.match(node.value):  # plain: None (Python parser) or "" (libyaml)
            document.plain_scalars[field_path] = node.value
        if node.tag == _STR_TAG:
            return node.value  # what SafeConstructor's construct_yaml_str returns
        if node.tag in _SCALAR_TAGS:
            try:
                return loader.construct_object(node, deep=True)
            except (ValueError, OverflowError):  # e.g. a number of more than 4,300 digits
                raise _Refused("this value cannot be read as a number (too many digits); put it in quotes", node.start_mark) from None
        raise _Refused(f"the YAML tag {node.tag} is not allowed", node.start_mark)
    if isinstance(node, SequenceNode):
        return [
            _construct(document, loader, item, field_path + (index,), depth + 1, offset)
            for index, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("a field name must be plain text", key_node.start_mark)
            key = key_node.value
            if key == "<<":
                raise _Refused("YAML merge keys (<<) are not allowed", key_node.start_mark)
            if key in result:
                line = key_node.start_mark.line + 1 + offset
                document.problems.append(
                    Problem(document.path, line, str(key), f"the field '{key}' is given twice; keep one")
                )
                continue
            document.lines[field_path + (key,)] = key_node.start_mark.line + 1 + offset
            result[key] = _construct(document, loader, value_node, field_path + (key,), depth + 1, offset)
            document.lines[field_path + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    raise _Refused("unsupported YAML node", node.start_mark)


def load_yaml_file(path: str, raw: bytes) -> tuple[Any, Document]:
    """Read a whole YAML data file (a vocabulary) with the same strict rules."""
    text, problems = decode(path, raw)
    document = Document(path, None, "", 0, problems=problems)
    if text is None:
        return None, document
    loader = _new_loader(document, text, 0)
    if loader is None:
        return None, document
    try:
        node = loader.get_single_node()
        value = None if node is None else _construct(document, loader, node, (), 0, 0)
    except _Refused as refused:
        document.problems.append(Problem(path, refused.mark.line + 1, None, refused.message))
        return None, document
    except (yaml.YAMLError, RecursionError) as error:
        document.problems.append(_unreadable(path, text, error, 0))
        return None, document
    finally:
        loader.dispose()
    return value, document
