"""Diagnostics of professional difficulties: answering, results as a heat map, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.access import get_object_for_user
from core.kept_html import kept_html
from core.pagination import CountedPaginator
from development.exports import questionnaire_workbook, xlsx_response
from development.filters import SchoolCategoryFilter
from development.forms import AnswerForm
from development.kept import RESULTS, results_scope
from development.models.questionnaires import Difficulty, Questionnaire, Response
from development.selectors import (
    published_questionnaires,
    responses_listed_for,
    responses_of,
    schools_for_results,
)
from development.services.questionnaires import (
    QuestionnaireError,
    answered_count,
    answered_schools,
    questionnaire_results,
    response_submit,
)

PAGE_SIZE = 25
SCHOOL_COLUMNS = 12  # schools side by side in the results by school; the rest on further pages


def _questionnaire(request, pk, perm):
    return get_object_for_user(
        request.user,
        published_questionnaires(),
        perm=perm,
        known_by="development.know_questionnaire",
        pk=pk,
    )


@login_required
def questionnaire_list(request):
    user = request.user
    teacher = getattr(user, "teacher_profile", None)
    context = {"can_see_results": user.has_perm("development.view_questionnaire_results")}
    # A superuser has every permission but may have no entry in the registry.
    if teacher is not None and user.has_perm("development.answer_questionnaire"):
        answered = dict(responses_of(teacher).values_list("questionnaire_id", "pk"))
        context["open"] = [(q, answered.get(q.pk)) for q in Questionnaire.objects.open_for(teacher)]
        context["answered"] = responses_of(teacher).select_related("questionnaire")
    if context["can_see_results"]:
        context["all"] = published_questionnaires()
    if not (context["can_see_results"] or "open" in context):
        raise PermissionDenied
    return render(request, "development/questionnaire_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_answer(request, pk):
    questionnaire = _questionnaire(request, pk, "development.answer_questionnaire")
    teacher = getattr(request.user, "teacher_profile", None)
    if teacher is None:
        raise PermissionDenied
    existing = responses_of(teacher).filter(questionnaire=questionnaire).first()
    if existing is not None:
        messages.info(request, _("You have already answered this questionnaire."))
        return redirect("development:response_detail", pk=existing.pk)
    difficulties = list(
        Difficulty.objects.filter(section__questionnaire=questionnaire).select_related("section")
    )
    form = AnswerForm(request.POST or None, questionnaire=questionnaire, difficulties=difficulties)
    if request.method == "POST" and form.is_valid():
        try:
            response = response_submit(
                questionnaire=questionnaire,
                teacher=teacher,
                answers=form.answers(),
                open_answer=form.cleaned_data.get("open_answer", ""),
            )
        except QuestionnaireError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you! Your answers are saved; your weakest areas are offered as goals "
                    "for your development plan."
                ),
            )
            return redirect("development:response_detail", pk=response.pk)
    rows = [(d, form[f"d{d.pk}"]) for d in difficulties]
    return render(
        request,
        "development/questionnaire_answer.html",
        {"questionnaire": questionnaire, "form": form, "rows": rows},
    )


@login_required
def response_detail(request, pk):
    response = get_object_for_user(
        request.user,
        Response.objects.select_related("questionnaire", "teacher__user", "school"),
        perm="development.view_response",
        known_by="development.know_response",
        pk=pk,
    )
    answers = response.answers.select_related("difficulty__section").order_by(
        "difficulty__section__order", "difficulty__order", "difficulty_id"
    )
    return render(
        request,
        "development/response_detail.html",
        {"response": response, "answers": answers},
    )


def _school_filter(request):
    """The schools whose answers are counted per school: the user's scope, by category."""
    return SchoolCategoryFilter(
        request.GET,
        queryset=schools_for_results(request.user),
        all_schools=request.user.has_perm("development.view_all_schools"),
    )


@login_required
def questionnaire_results_view(request, pk):
    questionnaire = _questionnaire(request, pk, "development.view_questionnaire_results")
    body = kept_html(
        request,
        RESULTS,
        f"questionnaire-results:{questionnaire.pk}",
        results_scope(request.user),
        "development/_questionnaire_results_body.html",
        lambda: _results_context(request, questionnaire),
    )
    return render(
        request,
        "development/questionnaire_results.html",
        {"questionnaire": questionnaire, "body": body},
    )


def _results_context(request, questionnaire):
    school_filter = _school_filter(request)
    school_ids = school_filter.qs.values("pk")
    answered = answered_schools(questionnaire=questionnaire, school_ids=school_ids)
    count = answered_count(questionnaire=questionnaire, school_ids=school_ids)
    columns = CountedPaginator(answered, SCHOOL_COLUMNS, count=count).get_page(
        request.GET.get("schools_page")
    )
    results = questionnaire_results(
        questionnaire=questionnaire, school_ids=school_ids, columns=columns.object_list
    )
    low, high = questionnaire.scale_range
    responses = responses_listed_for(request.user, questionnaire).filter(school_id__in=school_ids)
    page = Paginator(responses.order_by("school__sort_name", "teacher__last_name"), PAGE_SIZE)
    return {
        "filter": school_filter,
        "questionnaire": questionnaire,
        "results": results,
        "rows": _heat_rows(results, low, high),
        "subject_rows": _heat_rows(results, low, high, by_subject=True),
        "low": low,
        "high": high,
        "page": page.get_page(request.GET.get("page")),
        "columns": columns,
    }


def _level(cell, low, high):
    """0 (no difficulty) to 4 (the hardest) for the colour of a heat-map cell."""
    if cell.average is None:
        return None
    return min(4, int((cell.average - low) / (high - low) * 5))


def _heat_cell(cell, low, high):
    """A cell as the heat map shows it: the cell, its colour level and its mean as text."""
    if cell.average is None:
        return cell, None, "—"
    return cell, _level(cell, low, high), number_format(cell.average, 2)


def _cells_html(cells, with_count):
    """A row's cells as ``<td>``s, built here: a region's heat map has hundreds of them,
    which the template language would take most of the page's time to render."""
    return format_html_join(
        "",
        '<td class="{}">{}{}</td>',
        (
            (
                "" if level is None else f"heat-{level}",
                shown,
                format_html(' <span class="small">({})</span>', cell.count)
                if with_count and level is not None
                else "",
            )
            for cell, level, shown in cells
        ),
    )


def _heat_rows(results, low, high, by_subject=False):
    rows = []
    for difficulty in results.difficulties:
        cells = results.subject_row(difficulty) if by_subject else results.school_row(difficulty)
        overall = results.overall_of(difficulty)
        shown = [_heat_cell(cell, low, high) for cell in cells]
        rows.append(
            {
                "difficulty": difficulty,
                "overall": _heat_cell(overall, low, high),
                "cells": shown,
                "cells_html": _cells_html(shown, with_count=by_subject),
            }
        )
    return rows


@login_required
def questionnaire_export(request, pk):
    questionnaire = _questionnaire(request, pk, "development.view_questionnaire_results")
    school_ids = _school_filter(request).qs.values("pk")
    results = questionnaire_results(questionnaire=questionnaire, school_ids=school_ids)
    return xlsx_response(questionnaire_workbook(results), f"diagnostics-{questionnaire.pk}.xlsx")
