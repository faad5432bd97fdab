"""Journey 5: the centre assigns the school's curator; a director writes the school's risk
profile and programme; the curator returns it, the director fixes it, the curator accepts
it; the interim monitoring is entered (the monitoring's own indicator brings its value) and
the municipal summary counts it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from core.dates import academic_year_label, current_academic_year
from monitoring.models import Indicator
from network.demo import risk_factors
from network.models import RiskFactor
from tests.conftest import log_in, switch_user
from tests.monitoring.factories import PeriodFactory, ValueFactory
from tests.network.factories import PartnershipFactory, add_activity, open_joint_activity

pytestmark = pytest.mark.browser


def test_director_and_curator_take_the_programme_through_review_and_monitoring(
    page, school_a, director_a, methodologist, coordinator
):
    partnership = PartnershipFactory(schools=[school_a], title="СОШ № 1 и № 101")
    joint = open_joint_activity(partnership, by=director_a, reviewer=methodologist)
    add_activity(joint, by=director_a, school=school_a, title="Методический день по математике")
    risk_factors()  # an earlier browser test's flush empties the reference list
    factors = list(RiskFactor.objects.order_by("order"))
    chosen = factors[:3]
    # The ГИА pass share of the school's year, imported by the centre (so published).
    gia = Indicator.objects.get(code="gia_passed_share")
    ValueFactory(
        code=gia.code,
        school=school_a,
        period=PeriodFactory(year=current_academic_year()),
        value=Decimal(92),
    )

    # The centre assigns the school's curator in the portal.
    log_in(page, "metodist")
    page.goto(reverse("programmes:curators"))
    page.get_by_label(f"Куратор школы {school_a.short_name}").select_option(str(methodologist.pk))
    page.get_by_role("button", name=f"Назначить куратора — {school_a.short_name}").click()
    expect(page.get_by_text(f"Куратор школы {school_a.short_name} теперь —")).to_be_visible()

    # The director fills the risk profile and picks three risks.
    switch_user(page, "direktor_a")
    page.goto(reverse("programmes:mine"))
    year = academic_year_label(current_academic_year())
    page.get_by_role("button", name=f"Начать рисковый профиль на {year}").click()
    expect(page.get_by_text("Рисковый профиль открыт")).to_be_visible()
    for factor in factors:
        box = page.locator("fieldset").filter(has=page.get_by_text(factor.name, exact=True))
        box.get_by_label("Уровень").select_option(label="Высокий" if factor in chosen else "Низкий")
        if factor in chosen:
            box.get_by_label("Обоснование").fill("Выявлено самодиагностикой")
            box.get_by_label("Риск актуален для школы").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Рисковый профиль сохранён.")).to_be_visible()
    page.get_by_role("button", name="Отправить рисковый профиль куратору").click()
    expect(page.get_by_text("Рисковый профиль отправлен куратору.")).to_be_visible()

    # The programme: a goal, and for each risk a goal and a measure; one measure is
    # realised by the roadmap activity.
    page.get_by_role("link", name="Сформулировать цель").click()
    page.get_by_label("Цель концепции развития").fill("Переход в эффективный режим работы")
    page.get_by_role("button", name="Сохранить").click()
    for index, factor in enumerate(chosen):
        page.get_by_role("link", name=f"Цель и задачи — {factor.name}").click()
        page.get_by_label("Цель").fill(f"Снизить риск № {index + 1}")
        page.get_by_role("button", name="Сохранить").click()
        page.get_by_role("link", name=f"Добавить мероприятие — {factor.name}").click()
        page.locator("#id_title").fill(f"Мероприятие по риску № {index + 1}")
        page.get_by_label("Модуль").select_option(label="Управление и лидерство")
        page.get_by_label("Срок").fill("2027-03-01")
        page.get_by_label("Ответственное лицо").fill("Завуч")
        page.get_by_label("Показатель, на который оно влияет").fill("Доля сдавших ГИА")
        page.get_by_label("Целевое значение").fill("90")
        if index == 0:
            # This one moves the monitoring's own indicator: its values come from there.
            page.get_by_label("Показатель мониторинга").select_option(label=gia.name)
            page.get_by_label("Мероприятие дорожной карты").select_option(
                label="Методический день по математике"
            )
        page.get_by_role("button", name="Сохранить").click()
        expect(page.get_by_text("Мероприятие добавлено.")).to_be_visible()
    expect(page.get_by_text("мероприятие дорожной карты: Методический день")).to_be_visible()
    page.get_by_role("button", name="Отправить программу куратору").click()
    expect(page.get_by_text("Программа отправлена куратору.")).to_be_visible()

    # The curator accepts the profile and returns the programme with a comment.
    switch_user(page, "metodist")
    page.goto(reverse("programmes:curator"))
    page.get_by_role("link", name=school_a.short_name).click()
    page.get_by_role("button", name="Принять рисковый профиль").click()
    expect(page.get_by_text("Рисковый профиль принят.")).to_be_visible()
    programme = page.locator("#programme")
    programme.get_by_label("Что нужно доработать").fill("Уточните цель концепции")
    programme.get_by_role("button", name="Вернуть на доработку").click()
    expect(page.get_by_text("Программа возвращена на доработку.")).to_be_visible()

    # The director sees the comment, fixes the goal and submits again.
    switch_user(page, "direktor_a")
    page.goto(reverse("programmes:mine"))
    expect(page.locator("#programme").get_by_text("Уточните цель концепции")).to_be_visible()
    page.get_by_role("link", name="Сформулировать цель").click()
    page.get_by_label("Цель концепции развития").fill("Эффективный режим работы к 2028 году")
    page.get_by_role("button", name="Сохранить").click()
    page.get_by_role("button", name="Отправить программу куратору").click()
    expect(page.get_by_text("Программа отправлена куратору.")).to_be_visible()

    # The curator accepts it.
    switch_user(page, "metodist")
    page.goto(reverse("programmes:curator"))
    page.get_by_role("link", name=school_a.short_name).click()
    page.get_by_role("button", name="Принять программу").click()
    expect(page.get_by_text("Программа принята.")).to_be_visible()

    # The director enters the entry and the interim monitoring.
    switch_user(page, "direktor_a")
    page.goto(reverse("programmes:mine"))
    page.get_by_role("link", name="Внести данные: входной мониторинг").click()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено: входной мониторинг.")).to_be_visible()
    page.get_by_role("link", name="Внести данные: промежуточный мониторинг").click()
    monitored = page.locator("fieldset").filter(has_text="Мероприятие по риску № 1")
    expect(monitored).to_contain_text("92")
    expect(monitored.get_by_text("из мониторинга")).to_be_visible()
    expect(monitored.get_by_label("Значение показателя")).to_have_count(0)
    for box in page.locator("fieldset").all():
        box.get_by_label("Состояние").select_option(label="Выполнено")
        if box.get_by_label("Значение показателя").count():
            box.get_by_label("Значение показателя").fill("91")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено: промежуточный мониторинг.")).to_be_visible()

    # The municipal summary counts it.
    switch_user(page, "koordinator")
    page.goto(reverse("programmes:summary"))
    stages = page.locator("#monitoring-stages")
    interim = stages.get_by_role("row").filter(has_text="Промежуточный мониторинг")
    expect(interim.get_by_role("cell").nth(0)).to_have_text("1")
    expect(interim.get_by_role("cell").nth(1)).to_have_text("3")
