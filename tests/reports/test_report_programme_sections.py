"""The school and municipal reports carry the programmes app's sections."""

import pytest

from reports.services import report_render_now
from tests.monitoring.factories import PeriodFactory
from tests.pdf import pdf_text
from tests.programmes.factories import YEAR, accepted

pytestmark = pytest.mark.django_db


def flat(text):
    return " ".join(text.split())


def test_school_report_prints_the_accepted_programme(school_a, director_a, methodologist):
    period = PeriodFactory(year=YEAR)
    accepted(school_a, by=director_a, curator=methodologist)
    text = flat(
        pdf_text(
            report_render_now(kind="school", params={"school": school_a.pk, "period": period.pk})
        )
    )
    assert "Программа перехода в эффективный режим работы" in text
    assert "Переход в эффективный режим" in text  # the concept's goal
    assert "Доля успевающих → 90" in text


def test_school_report_without_a_programme_has_no_such_section(school_a):
    period = PeriodFactory(year=YEAR)
    text = flat(
        pdf_text(
            report_render_now(kind="school", params={"school": school_a.pk, "period": period.pk})
        )
    )
    assert "Программа перехода" not in text


def test_municipal_report_counts_the_programmes(school_a, director_a, methodologist):
    period = PeriodFactory(year=YEAR)
    accepted(school_a, by=director_a, curator=methodologist)
    text = flat(pdf_text(report_render_now(kind="municipal", params={"period": period.pk})))
    assert "Программы школ" in text
    assert "Рисков, закрытых между входным и итоговым мониторингом: 0" in text
