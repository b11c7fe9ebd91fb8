"""The facets of the examples index: which values each example has (the
``data-*`` attributes of its card) and how many examples have each value (the
counts in the filter form). Plain data; the form itself is a theme partial."""

from __future__ import annotations

from .catalogue import Catalogue
from .examples import Example
from .ui_text import text
from .vocabulary import FIXED_FILTERS, Vocabularies

# Facets that are not profile fields, as they appear in a filtered view's
# address (?tema=utbildning); a profile field with a `filter` key in
# data/profile.yml adds its own.
BASE_FACETS = FIXED_FILTERS
ROLES = (("pilot", "pilot", "role_pilot"), ("utveckling", "development", "role_development"),
         ("natverk", "network_member", "role_network"))  # facet value, Municipality attribute, UI key


def profile_facets(vocabularies: Vocabularies) -> dict[str, str]:
    """Facet name -> profile field, for the fields that have a filter key (data/profile.yml)."""
    return {field.facet: name for name, field in vocabularies.profile.items() if field.facet}


def facet_names(vocabularies: Vocabularies) -> tuple[str, ...]:
    return (*BASE_FACETS, *profile_facets(vocabularies))


def facet_values(example: Example, vocabularies: Vocabularies) -> dict[str, list[str]]:
    municipalities = [vocabularies.municipalities[m] for m in example.municipalities]
    return {
        "tema": list(example.themes),
        "malgrupp": list(example.target_groups),
        "kommun": list(example.municipalities),
        "lan": sorted({m.county for m in municipalities}),
        "roll": [value for value, attribute, _ in ROLES if any(getattr(m, attribute) for m in municipalities)],
        **{facet: example.profile_levels(name) for facet, name in profile_facets(vocabularies).items()},
    }


def facet_counts(catalogue: Catalogue, values: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, int]]:
    """How many examples have each facet value; ``values``: slug -> facet_values."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in facet_names(catalogue.vocabularies)}
    for example in catalogue.examples:
        for facet, found in values[example.slug].items():
            for value in found:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts


def facet_labels(vocabularies: Vocabularies, language: str) -> dict[str, dict[str, str]]:
    """Facet -> value -> label, in the order the form lists them."""
    return {
        "tema": {key: term.label(language) for key, term in vocabularies.themes.items()},
        "malgrupp": {key: term.label(language) for key, term in vocabularies.target_groups.items()},
        "kommun": {key: m.name for key, m in sorted(vocabularies.municipalities.items(), key=lambda item: item[1].name)},
        "lan": {key: term.label(language) for key, term in sorted(vocabularies.counties.items(), key=lambda item: item[1].label(language))},
        "roll": {value: text(language, key) for value, _, key in ROLES},
        **{facet: {key: level.label(language) for key, level in vocabularies.profile[name].levels.items()}
           for facet, name in profile_facets(vocabularies).items()},
    }


def facet_legend(vocabularies: Vocabularies, facet: str, language: str) -> str:
    profile = profile_facets(vocabularies)
    return vocabularies.profile[profile[facet]].label(language) if facet in profile else text(language, "facet_" + facet)
