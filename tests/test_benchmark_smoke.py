"""The benchmark's corpus generator (tests/benchmarks/corpus.py) must keep
producing examples that the project's own validation accepts; otherwise the
benchmark (tests/benchmarks/run.py, not part of this test run) would rot."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from romkb.examples import load_examples
from romkb.vocabulary import load_vocabularies

from conftest import ROOT


def _corpus_module():
    spec = importlib.util.spec_from_file_location("benchmark_corpus", ROOT / "tests" / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_synthetic_examples_pass_the_validation(tmp_path: Path):
    corpus = _corpus_module()
    examples = tmp_path / "examples"
    stats = corpus.generate_corpus(examples, 3, ROOT / "data")
    assert len(list(examples.glob("*.md"))) == 6
    result = load_examples(examples, load_vocabularies(ROOT / "data"), root=tmp_path)
    assert result.errors == []
    assert result.problems == []  # no warnings either (e.g. a missing translation)
    assert len(result.examples) == 3
    assert all(example.text("en").translated for example in result.examples)
    # About 1,200 words per file, as the benchmark promises.
    assert 1000 <= stats["words_per_file_sv"] <= 1500 and 1000 <= stats["words_per_file_en"] <= 1600


def test_the_corpus_is_deterministic_and_spread_over_the_vocabularies(tmp_path: Path):
    corpus = _corpus_module()
    corpus.generate_corpus(tmp_path / "a", 3, ROOT / "data", seed=7)
    corpus.generate_corpus(tmp_path / "b", 3, ROOT / "data", seed=7)
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()} == {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    vocab = corpus.read_vocab(ROOT / "data")
    size = max(len(vocab.themes), len(vocab.municipalities), len(vocab.target_groups))
    metas = [corpus.example_meta(7, index, vocab) for index in range(size)]
    assert {t["id"] for t in vocab.themes} <= {theme for meta in metas for theme in meta.themes}
    assert {m["id"] for m in vocab.municipalities} <= {m for meta in metas for m in meta.municipalities}
    assert {g["id"] for g in vocab.target_groups} <= {g for meta in metas for g in meta.target_groups}
