"""The plan's state badge and progress bar that the plan lists repeat per row."""

from types import SimpleNamespace

from django.template import Context, Template
from django.utils import translation

from schools.templatetags.categories import category_badge


def _render(source, **context):
    with translation.override("ru"):
        return Template("{% load plans %}" + source).render(Context(context))


def test_progress_shows_the_share_done_as_a_bar_and_a_count():
    plan = SimpleNamespace(done_count=2, item_count=3)

    html = _render("{% plan_progress plan %}", plan=plan)

    assert 'aria-label="Ход выполнения" aria-valuenow="67"' in html
    assert 'class="progress-bar bg-success progress-67"' in html
    assert '<span class="small text-nowrap">2/3</span>' in html


def test_a_plan_without_items_says_so():
    html = _render("{% plan_progress plan %}", plan=SimpleNamespace(done_count=0, item_count=0))

    assert html == '<span class="text-muted small">нет пунктов</span>'


def test_the_state_badge_is_coloured_by_the_state():
    plan = SimpleNamespace(status="returned", get_status_display=lambda: "Возвращён")

    assert _render("{% plan_status plan %}", plan=plan) == (
        '<span class="badge text-bg-danger">Возвращён</span>'
    )


def test_the_category_badge_escapes_its_label():
    assert category_badge("leader", "Лидер <b>") == (
        '<span class="badge badge-category-leader">Лидер &lt;b&gt;</span>'
    )
