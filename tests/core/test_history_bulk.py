"""Bulk writes keep a history record of every row: its values, kind, author and date.

The same tests run on PostgreSQL (history copied in SQL) and on SQLite (simple-history's
own bulk helpers), whichever database the suite is given.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from core.history import acting_user
from core.history_bulk import bulk_create_recorded, bulk_update_recorded
from schools.models import Teacher
from tests.accounts.factories import UserFactory
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def unsaved_teachers(school, count):
    return [
        Teacher(
            school=school,
            last_name=f"Учителева{n:03}",
            first_name="Мария",
            patronymic="Ивановна",
            position="учитель",
            email=f"t{n}@example.ru",
        )
        for n in range(count)
    ]


def test_bulk_create_records_each_row_as_created_by_the_given_user():
    author = UserFactory(username="metodist")
    school = SchoolFactory()
    before = timezone.now()

    created = bulk_create_recorded(unsaved_teachers(school, 7), Teacher, batch_size=3, by=author)

    records = Teacher.history.order_by("history_date", "id")
    assert all(t.pk for t in created)
    assert records.count() == 7
    assert {r.id for r in records} == {t.pk for t in created}
    assert {r.history_type for r in records} == {"+"}
    assert {r.history_user_id for r in records} == {author.pk}
    assert all(before <= r.history_date <= timezone.now() for r in records)
    first = records.get(id=created[0].pk)
    assert (first.last_name, first.email, first.school_id) == (
        "Учителева000",
        "t0@example.ru",
        school.pk,
    )


def test_bulk_update_records_the_new_values_as_changed():
    author = UserFactory(username="metodist")
    teachers = bulk_create_recorded(unsaved_teachers(SchoolFactory(), 5), Teacher, by=author)
    for teacher in teachers:
        teacher.qualification = Teacher.Qualification.HIGHEST
        teacher.birth_date = datetime.date(1980, 2, 1)

    bulk_update_recorded(
        teachers, Teacher, fields=["qualification", "birth_date"], batch_size=2, by=author
    )

    changed = Teacher.history.filter(history_type="~")
    assert changed.count() == 5
    assert {r.history_user_id for r in changed} == {author.pk}
    assert {(r.qualification, r.birth_date) for r in changed} == {
        (Teacher.Qualification.HIGHEST, datetime.date(1980, 2, 1))
    }
    stored = Teacher.objects.get(pk=teachers[0].pk)
    assert stored.qualification == Teacher.Qualification.HIGHEST
    # The history page reads the change as old → new.
    latest = stored.history.first()
    assert latest.history_type == "~"
    assert {c.field for c in latest.diff_against(latest.prev_record).changes} == {
        "qualification",
        "birth_date",
    }


def test_without_by_the_acting_user_is_the_author():
    author = UserFactory(username="koordinator")

    with acting_user(author):
        bulk_create_recorded(unsaved_teachers(SchoolFactory(), 2), Teacher)

    assert {r.history_user_id for r in Teacher.history.all()} == {author.pk}


def test_values_of_every_kind_are_stored_as_django_would_store_them():
    """Plain values go to PostgreSQL as they are; the rest through Django's preparation:
    a choice, a float for a decimal, a naive datetime, a date given as text."""
    from monitoring.models import Indicator, IndicatorValue, Period
    from tests.monitoring.factories import PeriodFactory

    school, period = SchoolFactory(), PeriodFactory()
    gia, olympiad = Indicator.objects.filter(is_active=True)[:2]
    rows = [
        IndicatorValue(
            indicator=gia,
            school=school,
            period=period,
            value=Decimal("61.25"),
            numerator=Decimal("49"),
            denominator=80,
            source=Indicator.Source.IMPORTED,
        ),
        IndicatorValue(
            indicator=olympiad, school=school, period=period, value=3.5, source="entered"
        ),
    ]
    naive = Period(name="2031/2032", starts_on="2031-09-01", ends_on=datetime.date(2032, 8, 31))

    bulk_create_recorded(rows, IndicatorValue, by=None)
    bulk_create_recorded([naive], Period, by=None)

    stored = IndicatorValue.objects.get(pk=rows[0].pk)
    assert (stored.value, stored.numerator, stored.denominator) == (61.25, 49, 80)
    assert stored.source == Indicator.Source.IMPORTED
    assert stored.updated_at is not None and timezone.is_aware(stored.updated_at)
    other = IndicatorValue.objects.get(pk=rows[1].pk)
    assert (other.value, other.numerator, other.source) == (Decimal("3.5"), None, "entered")
    assert Period.objects.get(pk=naive.pk).starts_on == datetime.date(2031, 9, 1)
    assert IndicatorValue.history.filter(id__in=[r.pk for r in rows]).count() == 2
