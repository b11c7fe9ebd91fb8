"""The cache of checked example files (romkb.file_cache): a build with it
gives exactly what a build without it gives, a changed file is checked
again, and a damaged cache is ignored."""

from __future__ import annotations

import pickle

from conftest import run_build
from romkb.catalogue import load_catalogue
from romkb.file_cache import CACHE_FOLDER, FileCache, fingerprint
from test_validation import VALID, VALID_EN, write


def _summary(catalogue) -> tuple:
    examples = [(e.slug, e.themes, e.profile, {language: (t.title, t.description, [i.text for i in t.tips]) for language, t in e.texts.items()})
                for e in catalogue.examples]
    return examples, [str(problem) for problem in catalogue.problems]


def test_cached_load_equals_a_fresh_load_including_problems(project_copy):
    write(project_copy, "nytt.md", VALID.replace("title: Nytt testexempel", "title: no"))  # an error and a warning
    write(project_copy, "nytt.en.md", VALID_EN)
    fresh = load_catalogue(project_copy)
    cache_dir = project_copy / CACHE_FOLDER
    first = load_catalogue(project_copy, cache_dir=cache_dir)
    second = load_catalogue(project_copy, cache_dir=cache_dir)
    assert (cache_dir / "examples.pickle").is_file()
    assert _summary(fresh) == _summary(first) == _summary(second)
    assert any("nytt.md" in problem for problem in _summary(second)[1])


def test_only_a_changed_file_is_checked_again(project_copy):
    cache_dir = project_copy / CACHE_FOLDER
    load_catalogue(project_copy, cache_dir=cache_dir)
    files = len(list((project_copy / "examples").glob("*.md")))
    cache = FileCache(cache_dir, fingerprint(project_copy / "data"))
    from romkb.examples import load_examples
    from romkb.vocabulary import load_vocabularies

    vocabularies = load_vocabularies(project_copy / "data")
    load_examples(project_copy / "examples", vocabularies, root=project_copy, cache=cache)
    assert (cache.hits, cache.misses) == (files, 0)
    path = project_copy / "examples" / "brobyggare.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Tips", "## Tipps"), encoding="utf-8")
    cache = FileCache(cache_dir, fingerprint(project_copy / "data"))
    result = load_examples(project_copy / "examples", vocabularies, root=project_copy, cache=cache)
    assert (cache.hits, cache.misses) == (files - 1, 1)
    assert any(problem.path == "examples/brobyggare.md" and "Tipps" in problem.message for problem in result.problems)


def test_a_change_in_the_vocabularies_empties_the_cache(project_copy):
    cache_dir = project_copy / CACHE_FOLDER
    load_catalogue(project_copy, cache_dir=cache_dir)
    before = fingerprint(project_copy / "data")
    themes = project_copy / "data" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert fingerprint(project_copy / "data") != before
    assert FileCache(cache_dir, fingerprint(project_copy / "data"))._old == {}


def test_a_damaged_cache_is_ignored(project_copy):
    cache_dir = project_copy / CACHE_FOLDER
    cache_dir.mkdir(parents=True)
    (cache_dir / "examples.pickle").write_bytes(b"not a pickle")
    assert _summary(load_catalogue(project_copy, cache_dir=cache_dir)) == _summary(load_catalogue(project_copy))
    with open(cache_dir / "examples.pickle", "rb") as stored:
        assert pickle.load(stored)["fingerprint"] == fingerprint(project_copy / "data")  # rewritten


def test_the_build_keeps_its_cache_beside_docs_and_can_do_without(project_copy, tmp_path):
    assert run_build(project_copy, tmp_path / "site").returncode == 0
    assert (project_copy / CACHE_FOLDER / "examples.pickle").is_file()
    assert not list((project_copy / "docs").rglob("*.pickle")) and not list((project_copy / "examples").rglob("*.pickle"))
    second = run_build(project_copy, tmp_path / "again")
    assert second.returncode == 0
    for page in ("exempel/brobyggare/index.html", "en/tipslista/index.html"):
        assert (tmp_path / "site" / page).read_bytes() == (tmp_path / "again" / page).read_bytes()
    other = project_copy.parent / "uncached"
    other.mkdir()
    import shutil

    shutil.rmtree(project_copy / CACHE_FOLDER)
    assert run_build(project_copy, other / "site", env={"ROMKB_CACHE": "0"}).returncode == 0
    assert not (project_copy / CACHE_FOLDER).exists()
