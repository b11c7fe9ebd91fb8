"""Related examples are computed on bit sets (related.related_examples); they
must be exactly the brute-force answer: score 2 per shared theme and 1 per
shared target group, at least one shared, highest first, ties in slug order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from romkb.examples import Example
from romkb.related import related_examples

THEMES = ["a", "b", "c", "d"]
GROUPS = ["x", "y", "z"]


def _brute_force(examples: list[Example], limit: int) -> dict[str, list[str]]:
    result = {}
    for current in examples:
        scored = []
        for other in examples:
            if other.slug == current.slug:
                continue
            score = 2 * len(set(current.themes) & set(other.themes)) + len(set(current.target_groups) & set(other.target_groups))
            if score:
                scored.append((-score, other.slug))
        result[current.slug] = [slug for _, slug in sorted(scored)[:limit]]
    return result


catalogues = st.lists(
    st.tuples(st.lists(st.sampled_from(THEMES), min_size=1, max_size=3, unique=True),
              st.lists(st.sampled_from(GROUPS), min_size=1, max_size=3, unique=True)),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(catalogues, st.integers(1, 5))
def test_related_examples_equal_brute_force(facts, limit):
    examples = [Example(slug=f"e{index:03d}", municipalities=["m"], themes=themes, target_groups=groups, sources=[])
                for index, (themes, groups) in reversed(list(enumerate(facts)))]  # not in slug order on purpose
    found = {slug: [other.slug for other in others] for slug, others in related_examples(examples, limit).items()}
    assert found == _brute_force(examples, limit)
