"""A methodologist returns a stage with a comment; the director hears of it from the bell."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from network.models import Stage
from network.services.stages import stage_submit
from schools.models import School
from tests.conftest import log_in, switch_user
from tests.network.factories import PartnershipFactory, add_problem, stage
from tests.schools.factories import SchoolFactory

pytestmark = pytest.mark.browser


def test_the_director_follows_the_bell_to_the_returned_stages_comment(
    page, settings, tmp_path, director_a, methodologist, school_a
):
    settings.MEDIA_ROOT = tmp_path / "media"
    leader = SchoolFactory(short_name="МАОУ СОШ № 1", category=School.Category.LEADER)
    partnership = PartnershipFactory(leader=leader, schools=[school_a], title="СОШ № 1 и № 101")
    add_problem(partnership)
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=director_a)
    roadmap = reverse("network:roadmap", args=[partnership.pk])

    log_in(page, "metodist")
    page.goto(roadmap)
    section = page.locator("#stage-1")
    section.get_by_label("Что нужно доработать").fill("Опишите проблему подробнее")
    section.get_by_role("button", name="Вернуть на доработку").click()
    expect(page.get_by_text("Этап возвращён на доработку.")).to_be_visible()

    switch_user(page, "direktor_a")
    bell = page.locator("#bell")
    expect(bell.locator("#bell-count")).to_have_text("1")
    expect(bell).to_have_accessible_name(re.compile("Уведомления.*1 непрочитанное"))
    bell.click()
    expect(
        page.get_by_text("Этап «Знакомство» партнёрства «СОШ № 1 и № 101» возвращён")
    ).to_be_visible()
    expect(page.get_by_text("Опишите проблему подробнее")).to_be_visible()
    page.get_by_role("button", name="Открыть").click()

    page.wait_for_url(re.compile(rf"{roadmap}#stage-comment-\d+$"))
    comment = page.locator(page.url[page.url.index("#") :])
    expect(comment).to_contain_text("Опишите проблему подробнее")
    expect(comment).to_be_in_viewport()
    page.goto(reverse("notifications:list"))
    expect(page.locator("#bell-count")).to_be_hidden()
