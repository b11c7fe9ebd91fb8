"""A cache of what each example file says by itself, kept between builds.

Reading and checking an example (strict YAML, the schema, the body's
structure, the unsafe-markup scan) is the larger part of the hooks' own work,
and between two builds almost every file is unchanged: ``mkdocs serve``
rebuilds on every save, and a contributor builds again and again. So the
result of :func:`romkb.examples.check_file` is kept in one file under
``.cache/romkb/`` (beside ``docs/``, never in it), keyed by the file's bytes,
its path and its language. What depends on other files (links between
examples, facts of a translation against its original, duplicate titles) is
checked at every build.

The whole cache is thrown away when anything it depends on changes: the
code of ``romkb`` itself, the vocabularies in ``data/``, or the Python and
library versions. A damaged or unreadable cache is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

CACHE_FOLDER = Path(".cache") / "romkb"
_FILE_NAME = "examples.pickle"


def fingerprint(data_dir: Path) -> str:
    """What every cached result depends on besides the file itself."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(sys.version.encode())
    for package in ("pyyaml", "jsonschema"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=?".encode())
    code = Path(__file__).resolve().parent
    for folder in (code, data_dir.resolve()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json"):
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class FileCache:
    """``get_or_make(key, make)``: the cached value for ``key`` (bytes, path,
    language), or ``make()``; ``save()`` writes what this run used."""

    def __init__(self, folder: Path, fingerprint_value: str):
        self.path = folder / _FILE_NAME
        self.fingerprint = fingerprint_value
        self.hits = 0
        self.misses = 0
        self._old: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        try:
            with open(self.path, "rb") as source:
                stored = pickle.load(source)
            if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint_value:
                self._old = stored["entries"]
        except Exception:  # noqa: BLE001 - a missing, old or damaged cache is simply not used
            self._old = {}

    @staticmethod
    def _key(raw: bytes, path: str, language: str) -> str:
        return hashlib.sha256(raw).hexdigest() + "\0" + path + "\0" + language

    def get_or_make(self, key: tuple[bytes, str, str], make: Callable[[], Any]) -> Any:
        digest = self._key(*key)
        if digest in self._old:
            self.hits += 1
            value = self._old[digest]
        else:
            self.misses += 1
            value = make()
        self._used[digest] = value
        return value

    def save(self) -> None:
        """Write the entries this run used (so that the cache never grows with
        files that are gone), atomically; skipped when nothing changed."""
        if not self.misses and len(self._used) == len(self._old):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".examples-", suffix=".tmp")
            with os.fdopen(handle, "wb") as output:
                pickle.dump({"fingerprint": self.fingerprint, "entries": self._used}, output, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout builds without a cache
