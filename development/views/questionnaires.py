"""Diagnostics of professional difficulties: answering, results as a heat map, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from development.exports import questionnaire_workbook, xlsx_response
from development.forms import AnswerForm
from development.models.questionnaires import Difficulty, Questionnaire, Response
from development.services.questionnaires import (
    QuestionnaireError,
    questionnaire_results,
    response_submit,
)
from schools.models import School
from schools.selectors import school_id_of

PAGE_SIZE = 25


def _visible_questionnaire(pk):
    """Drafts are the centre's work in progress: nobody outside the admin sees them."""
    return get_object_or_404(
        Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT), pk=pk
    )


@login_required
def questionnaire_list(request):
    user = request.user
    teacher = getattr(user, "teacher_profile", None)
    context = {"can_see_results": user.has_perm("development.view_questionnaire_results")}
    if user.has_perm("development.answer_questionnaire"):
        answered = dict(
            Response.objects.filter(teacher=teacher).values_list("questionnaire_id", "pk")
        )
        context["open"] = [(q, answered.get(q.pk)) for q in Questionnaire.objects.open_for(teacher)]
        context["answered"] = Response.objects.filter(teacher=teacher).select_related(
            "questionnaire"
        )
    if context["can_see_results"]:
        context["all"] = Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT)
    if not (context["can_see_results"] or "open" in context):
        raise PermissionDenied
    return render(request, "development/questionnaire_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_answer(request, pk):
    questionnaire = _visible_questionnaire(pk)
    if not request.user.has_perm("development.answer_questionnaire"):
        raise PermissionDenied
    teacher = request.user.teacher_profile
    existing = Response.objects.filter(questionnaire=questionnaire, teacher=teacher).first()
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
    response = get_object_or_404(
        Response.objects.select_related("questionnaire", "teacher__user", "school"), pk=pk
    )
    if not request.user.has_perm("development.view_response", response):
        if request.user.is_municipal:
            raise PermissionDenied
        raise Http404
    answers = response.answers.select_related("difficulty__section").order_by(
        "difficulty__section__order", "difficulty__order", "difficulty_id"
    )
    return render(
        request,
        "development/response_detail.html",
        {"response": response, "answers": answers},
    )


def _results_scope(request):
    """None for the centre (every school, optionally one category); the director's school."""
    user = request.user
    if not user.has_perm("development.view_questionnaire_results"):
        raise PermissionDenied
    if user.is_municipal:
        category = request.GET.get("category", "")
        if category in School.Category.values:
            return list(School.objects.filter(category=category).values_list("pk", flat=True))
        return None
    return [school_id_of(user)]


@login_required
def questionnaire_results_view(request, pk):
    questionnaire = _visible_questionnaire(pk)
    school_ids = _results_scope(request)
    results = questionnaire_results(questionnaire=questionnaire, school_ids=school_ids)
    low, high = questionnaire.scale_range
    responses = Response.objects.filter(questionnaire=questionnaire).select_related(
        "teacher", "school"
    )
    if request.user.is_director:
        responses = responses.filter(school_id=school_id_of(request.user))
    elif not request.user.is_methodologist:  # coordinators see the aggregates only
        responses = responses.none()
    if school_ids is not None:
        responses = responses.filter(school_id__in=school_ids)
    page = Paginator(responses.order_by("school__short_name", "teacher__last_name"), PAGE_SIZE)
    return render(
        request,
        "development/questionnaire_results.html",
        {
            "questionnaire": questionnaire,
            "results": results,
            "rows": _heat_rows(results, low, high),
            "subject_rows": _heat_rows(results, low, high, by_subject=True),
            "low": low,
            "high": high,
            "page": page.get_page(request.GET.get("page")),
            "categories": School.Category.choices if request.user.is_municipal else [],
            "filters": request.GET,
        },
    )


def _level(cell, low, high):
    """0 (no difficulty) to 4 (the hardest) for the colour of a heat-map cell."""
    if cell.average is None:
        return None
    return min(4, int((cell.average - low) / (high - low) * 5))


def _heat_rows(results, low, high, by_subject=False):
    rows = []
    for difficulty in results.difficulties:
        cells = results.subject_row(difficulty) if by_subject else results.school_row(difficulty)
        overall = results.overall_of(difficulty)
        rows.append(
            {
                "difficulty": difficulty,
                "overall": (overall, _level(overall, low, high)),
                "cells": [(cell, _level(cell, low, high)) for cell in cells],
            }
        )
    return rows


@login_required
def questionnaire_export(request, pk):
    questionnaire = _visible_questionnaire(pk)
    results = questionnaire_results(questionnaire=questionnaire, school_ids=_results_scope(request))
    return xlsx_response(questionnaire_workbook(results), f"diagnostics-{questionnaire.pk}.xlsx")
