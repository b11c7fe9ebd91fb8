"""Related examples: for each example, the others that share the most themes
and target groups. Plain data, computed once for the whole catalogue."""

from __future__ import annotations

from .examples import Example

RELATED_LIMIT = 3


def related_examples(examples: list[Example], limit: int) -> dict[str, list[Example]]:
    """slug -> the ``limit`` examples with the highest score (2 per shared
    theme, 1 per shared target group; at least one shared), ties in slug order.

    Every pair of examples counts, so the work is quadratic; it is done on
    bit sets (Python integers, one bit per example in slug order), so that
    one example's scores against all others take a few dozen integer
    operations instead of a Python step per other example: the scores are
    added up in binary, one integer per bit of the score ("bit planes"), and
    the best are picked from the highest plane down."""
    ordered = sorted(examples, key=lambda e: e.slug)
    masks: dict[tuple[str, str], int] = {}
    for index, other in enumerate(ordered):
        for theme in other.themes:
            masks[("theme", theme)] = masks.get(("theme", theme), 0) | (1 << index)
        for group in other.target_groups:
            masks[("group", group)] = masks.get(("group", group), 0) | (1 << index)
    result: dict[str, list[Example]] = {}
    for index, current in enumerate(ordered):
        planes = [0] * 8  # scores up to 255: far above 2 x themes + target groups
        anyone = 0
        for kind, values, first_plane in (("theme", current.themes, 1), ("group", current.target_groups, 0)):
            for value in values:
                carry = masks.get((kind, value), 0)
                anyone |= carry
                plane = first_plane  # weight 2 = adding from the second plane up
                while carry:
                    planes[plane], carry = planes[plane] ^ carry, planes[plane] & carry
                    plane += 1
        candidates = anyone & ~(1 << index)
        best: list[Example] = []
        while candidates and len(best) < limit:
            top = candidates
            for plane in reversed(planes):  # keep the candidates with the highest score
                if top & plane:
                    top &= plane
            while top and len(best) < limit:  # lowest bit first: slug order
                lowest = top & -top
                best.append(ordered[lowest.bit_length() - 1])
                top ^= lowest
                candidates ^= lowest
            candidates &= ~top
        result[current.slug] = best
    return result
