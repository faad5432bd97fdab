"""The diagnostics' aggregates, kept in the shared cache until an answer comes in.

Averaging every answer of a region's questionnaire by statement and subject reads
hundreds of thousands of rows, while the figures change only when teachers answer, a
teacher's subjects change or a school changes category. ``register_invalidation``
connects those models; the answers, written in bulk with their response, bump the area
themselves (``rows_written``).
"""

import hashlib

from django.db.models import QuerySet

from core.figures_cache import bump_on_change, cached_figures

AREA = "questionnaires"


def register_invalidation():
    from development.models.questionnaires import Answer, Difficulty, Response
    from schools.models import School, Teacher

    bump_on_change(AREA, Response, Answer, Difficulty, School, Teacher.subjects.through)


def scope_key(school_ids):
    """A short name for the set of schools counted: the same query, the same set."""
    if school_ids is None:
        return "all"
    if isinstance(school_ids, QuerySet):
        described = str(school_ids.query)
    else:
        described = ",".join(str(pk) for pk in sorted(school_ids))
    return hashlib.sha1(described.encode()).hexdigest()[:16]


def kept(questionnaire, kind, school_ids, compute, more=None):
    """``compute()`` for the questionnaire, the schools counted and the columns shown
    (``more``, school ids), or what it gave since the last answer."""
    shown = "-".join(str(pk) for pk in more) if more else "all"
    key = f"{questionnaire.pk}:{kind}:{scope_key(school_ids)}:{shown}"
    return cached_figures(AREA, key, compute)
