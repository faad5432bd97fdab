"""Search of the bank in Russian: PostgreSQL full-text search, or a simple SQLite fallback.

On PostgreSQL every practice keeps a ``tsvector`` in the ``russian`` configuration (so
«учитель» finds «учителей»), with a GIN index, and results are ranked. SQLite's
``lower()`` does not fold Cyrillic, so the practice keeps its words lower-cased in Python
(``search_text``) and each word of the query, cut to its stem, must occur in them.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

CONFIG = "russian"


# The title weighs most, then the description, then the rest (subjects, school, authors).
VECTOR = (
    SearchVector("title", weight="A", config=CONFIG)
    + SearchVector("description", weight="B", config=CONFIG)
    + SearchVector("search_text", weight="C", config=CONFIG)
)


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def words_of(practice) -> str:
    """Everything that a search should find the practice by, lower-cased."""
    parts = [
        practice.title,
        practice.description,
        practice.problem,
        practice.get_kind_display(),
        str(practice.school),
        *(subject.name for subject in practice.subjects.all()),
        *(author.full_name for author in practice.authors.all()),
    ]
    if practice.risk_factor_id:
        parts.append(practice.risk_factor.name)
    return " ".join(part for part in parts if part).casefold()


def practice_index(practice) -> None:
    """Store the words and, on PostgreSQL, the weighted vector of one practice."""
    from practices.models import Practice

    rows = Practice.objects.filter(pk=practice.pk)
    rows.update(search_text=words_of(practice))
    if uses_postgres():
        rows.update(search_vector=VECTOR)


def _stem(word: str) -> str:
    """A crude stem for the fallback: «учителей» and «учитель» share «учите»."""
    return word[: max(4, len(word) - 2)] if len(word) > 5 else word


def search(queryset, text):
    """The practices that match ``text``, best first; all of them for an empty text."""
    text = " ".join((text or "").split())
    if not text:
        return queryset
    if uses_postgres():
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-useful_count", "-download_count", "-pk")
        )
    for word in text.casefold().split():
        queryset = queryset.filter(search_text__contains=_stem(word.strip("«»\"'.,;:!?()")))
    return queryset
