"""Natural order of names: «Гимназия № 2» before «Гимназия № 11», as a reader expects."""

import re

_NUMBER = re.compile(r"(\d+)")
# Wide enough for any number in a school's name; a longer one still sorts, only less well.
_PAD = 10
_SPACES = re.compile(r"\s+")
_NUMERO = re.compile(r"№\s*")


def _letters(text):
    # «ё» sorts with «е» in Russian; code points would put it after «я».
    return _SPACES.sub(" ", text.casefold().replace("ё", "е"))


def _parts(text):
    # «№10», «№ 10» and «№ 10» (a non-breaking space) are one name.
    return _NUMBER.split(_NUMERO.sub("№ ", text or ""))


def natural_key(text):
    """A sort key in which the numbers inside ``text`` compare as numbers."""
    parts = _parts(text)
    return tuple(int(part) if index % 2 else _letters(part) for index, part in enumerate(parts))


def natural_sort_string(text):
    """The same order as one string, for a database column: numbers padded with zeros."""
    parts = _parts(text)
    return "".join(
        part.zfill(_PAD) if index % 2 else _letters(part) for index, part in enumerate(parts)
    )


def natural_sorted(items, *, key=str):
    """``items`` in natural order of ``key(item)``."""
    return sorted(items, key=lambda item: natural_key(key(item)))
