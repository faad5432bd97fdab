"""The region-sized changelists keep their rendered rows until a shown model changes."""

import pytest
from django.contrib.admin.templatetags import admin_list
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.figures_cache import rows_written
from monitoring.models import IndicatorValue
from tests.events.factories import RegistrationFactory
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """How many times Django rendered a changelist's rows."""
    calls = []
    original = admin_list.result_list

    def counted(cl):
        calls.append(cl.opts.label)
        return original(cl)

    monkeypatch.setattr(admin_list, "result_list", counted)
    monkeypatch.setattr("core.admin_rows.result_list", counted)
    return calls


def page(client, name, **query):
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    return response.content.decode()


def test_rows_are_rendered_once_and_follow_a_renamed_event(login, methodologist, renders):
    registration = RegistrationFactory(event__title="Семинар «Смысловое чтение»")
    client = login(methodologist)
    name = "admin:events_registration_changelist"

    first = page(client, name)
    assert "Смысловое чтение" in first and 'id="result_list"' in first
    page(client, name)
    assert renders == ["events.Registration"]

    registration.event.title = "Семинар «Функциональная грамотность»"
    registration.event.save()
    assert "Функциональная грамотность" in page(client, name)
    assert len(renders) == 2


def test_each_query_has_its_own_rows(login, methodologist):
    RegistrationFactory(event__title="Семинар «Смысловое чтение»", status="confirmed")
    RegistrationFactory(event__title="Мастер-класс «Геометрия»", status="cancelled")
    client = login(methodologist)
    name = "admin:events_registration_changelist"

    confirmed = page(client, name, status="confirmed")
    cancelled = page(client, name, status="cancelled")

    assert "Смысловое чтение" in confirmed and "Геометрия" not in confirmed
    assert "Геометрия" in cancelled and "Смысловое чтение" not in cancelled


def test_a_bulk_write_shows_at_once(login, methodologist):
    value = ValueFactory(school=SchoolFactory(), period=PeriodFactory(), value=41)
    client = login(methodologist)
    name = "admin:monitoring_indicatorvalue_changelist"
    assert ">41" in page(client, name)

    IndicatorValue.objects.filter(pk=value.pk).update(value=57)
    rows_written(IndicatorValue)

    assert ">57" in page(client, name)


def test_a_kept_table_reads_no_rows_and_counts_them_for_the_actions(login, methodologist):
    RegistrationFactory(event__title="Семинар «Смысловое чтение»")
    RegistrationFactory(event__title="Мастер-класс «Геометрия»")
    client = login(methodologist)
    name = "admin:events_registration_changelist"
    page(client, name)

    with CaptureQueriesContext(connection) as captured:
        again = page(client, name)

    read_rows = [q["sql"] for q in captured if '"events_registration"."status"' in q["sql"]]
    assert read_rows == []
    assert "Смысловое чтение" in again and "Геометрия" in again
    assert 'data-actions-icnt="2"' in again
    assert "Выбрано 0 объектов из 2" in again


def test_an_action_on_a_kept_page_runs_on_the_selected_rows(login, methodologist):
    registration = RegistrationFactory()
    client = login(methodologist)
    name = "admin:events_registration_changelist"
    page(client, name)

    response = client.post(
        reverse(name),
        {"action": "delete_selected", "_selected_action": [registration.pk]},
    )

    assert response.status_code == 200
    assert "Вы уверены" in response.content.decode()
