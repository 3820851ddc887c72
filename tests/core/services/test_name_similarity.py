"""Very similar names: the cheap bounds in front of difflib never change its answer."""

from __future__ import annotations

import difflib
import random

import pytest

from sociolab_desktop.core.services.demo import names as demo_names
from sociolab_desktop.core.services.name_similarity import Names

RATIO = 0.85


def _difflib_says(probe: str, key: tuple[str, str]) -> bool:
    """The rule as the search first wrote it: either order of the names reaches the ratio."""
    first, last = key
    return any(difflib.SequenceMatcher(None, name, probe, autojunk=False).ratio() >= RATIO
               for name in (f"{first} {last}", f"{last} {first}"))


def _mutated(rng: random.Random, name: str) -> str:
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        at = rng.randrange(len(name) + 1)
        letter = rng.choice("aaeinrsčšžđćüøßxx -")
        name = rng.choice((name[:at] + letter + name[at:], name[:at] + name[at + 1:],
                           name[:at] + letter + name[at + 1:]))
    return name


def _pairs(count: int, seed: int) -> list[tuple[str, tuple[str, str]]]:
    """Probe names and names close to them: misspelt, swapped, with letters beyond ASCII and
    letters repeated (the bound counts up to three of each)."""
    rng = random.Random(seed)
    first_names = (*demo_names.FEMALE_FIRST_NAMES, *demo_names.MALE_FIRST_NAMES, "Anna", "Hannah", "Ottó")
    last_names = (*demo_names.LAST_NAMES, "Đurđević", "Šiško", "Lllull", "Ćosić")
    pairs = []
    for _ in range(count):
        first, last = rng.choice(first_names).lower(), rng.choice(last_names).lower()
        probe = f"{first} {last}"
        other = (_mutated(rng, first), _mutated(rng, last))
        pairs.append((probe, other[::-1] if rng.random() < 0.2 else other))
    return pairs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_very_similar_is_what_difflib_says_in_either_order(seed):
    names = Names(RATIO)
    pairs = _pairs(3000, seed)
    found = [bool(names.similar_among(probe, names.shapes([key]))) for probe, key in pairs]
    expected = [_difflib_says(probe, key) for probe, key in pairs]
    assert found == expected
    assert 0.2 < sum(expected) / len(expected) < 0.8  # both answers are well represented


@pytest.mark.parametrize("extra", ["x", "q", "a", "ü", "đ", "-"])
def test_names_longer_by_a_few_letters_are_judged_right_at_the_edge_of_the_ratio(extra):
    """"ana novak" and "ana" + k letters + " novak": every letter of the probe matches, so the
    ratio is 2 * 9 / (18 + k); the bounds must not cut off the k that still reach it."""
    names = Names(RATIO)
    pairs = [(f"{first} {last}", (first + extra * count, last))
             for first in ("ana", "marija", "aleksandra", "jožef")
             for last in ("novak", "kovačič", "zupančič", "lllull")
             for count in range(1, 9)]
    found = [bool(names.similar_among(probe, names.shapes([key]))) for probe, key in pairs]
    expected = [_difflib_says(probe, key) for probe, key in pairs]
    assert found == expected
    assert 0 < sum(expected) < len(expected)


def test_of_many_names_only_the_very_similar_ones_are_kept():
    names = Names(RATIO)
    keys = [("marija", "kovacic"), ("maria", "kovacic"), ("kovacic", "marija"), ("mojca", "kovac"),
            ("marija", "novak"), ("", "kovacic")]
    assert sorted(names.similar_among("marija kovacic", names.shapes(keys))) == sorted(
        [("marija", "kovacic"), ("maria", "kovacic"), ("kovacic", "marija")])
    # Asked again (answers are remembered), and in another order of the names.
    assert sorted(names.similar_among("marija kovacic", names.shapes(keys[::-1]))) == sorted(
        [("marija", "kovacic"), ("maria", "kovacic"), ("kovacic", "marija")])


def test_a_ratio_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError):
        Names(0)
