"""Entry of a school's values, their review and the periods (function-based views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import get_object_for_user, require_perm
from core.formats import decimal_comma
from core.kept_html import kept_html
from monitoring.dashboard_figures import AREA
from monitoring.indicator_forms import ReturnForm, SubmissionFilterForm, ValuesForm
from monitoring.models import Indicator, IndicatorSubmission, IndicatorValue, Period
from monitoring.selectors.indicators import previous_period
from monitoring.services.indicators import (
    IndicatorError,
    IndicatorValidationError,
    indicator_values_save,
    period_lock,
    period_unlock,
    submission_approve,
    submission_for,
    submission_return,
    submission_submit,
)
from monitoring.tasks import recalculation_order
from schools.models import School
from schools.selectors import school_id_of

PAGE_SIZE = 25
HISTORY_SIZE = 20


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


def _school_for(request, pk, perm):
    """The school, if the user has ``perm`` on it; 403 to the centre and the school's staff,
    404 to everyone else."""
    return get_object_for_user(
        request.user,
        School.objects.all(),
        perm=perm,
        known_by="monitoring.know_school_data",
        pk=pk,
    )


@login_required
@require_GET
def entry_home(request):
    """A director goes to their school's form for the current period; the centre to review."""
    user = request.user
    if user.has_perm("monitoring.view_municipal_dashboard"):
        return redirect("monitoring:submissions")
    school_id = school_id_of(user)
    period = Period.objects.current()
    keeps_school = user.has_perm("monitoring.keep_school_indicators")
    if school_id is None or period is None or not keeps_school:
        raise Http404
    return redirect("monitoring:entry", school_pk=school_id, period_pk=period.pk)


def _entry_context(request, school, period, form=None):
    # Reading the page creates nothing: a school that has not started is an unsaved draft.
    submission = IndicatorSubmission.objects.filter(school=school, period=period).first()
    submission = submission or IndicatorSubmission(school=school, period=period)
    user = request.user
    may_enter = user.has_perm("monitoring.enter_indicator_values", school)
    editable = may_enter and submission.is_editable and not period.is_locked
    indicators = Indicator.objects.filter(is_active=True, source=Indicator.Source.ENTERED)
    rows = IndicatorValue.objects.filter(school=school).select_related("indicator", "entered_by")
    current = {v.indicator_id: v for v in rows.filter(period=period)}
    before = previous_period(period)
    previous = {v.indicator_id: v for v in rows.filter(period=before)} if before else {}
    if form is None:
        form = ValuesForm(
            indicators=indicators, current=current, previous=previous, disabled=not editable
        )
    history = list(
        IndicatorValue.history.filter(school_id=school.pk, period_id=period.pk)
        .select_related("history_user", "indicator")
        .order_by("-history_date")[:HISTORY_SIZE]
    )
    for record in history:
        record.shown_value = decimal_comma(record.value)  # «3», not «3,00»
    computed = [v for v in current.values() if v.indicator.is_computed]
    return {
        "school": school,
        "period": period,
        "periods": Period.objects.order_by("-starts_on"),
        "submission": submission,
        "comments": submission.comments.select_related("author") if submission.pk else [],
        "form": form,
        "editable": editable,
        "may_submit": editable and user.has_perm("monitoring.submit_indicator_values", school),
        "may_review": user.has_perm("monitoring.review_indicator_values") and not period.is_locked,
        "return_form": ReturnForm(),
        "history": history,
        "computed": sorted(computed, key=lambda v: v.indicator.order),
    }


@login_required
@require_http_methods(["GET", "POST"])
def entry(request, school_pk, period_pk):
    school = _school_for(request, school_pk, "monitoring.view_school_indicators")
    period = get_object_or_404(Period, pk=period_pk)
    context = _entry_context(request, school, period)
    if request.method == "POST":
        require_perm(
            request.user,
            "monitoring.enter_indicator_values",
            school,
            known_by="monitoring.know_school_data",
        )
        old = context["form"]
        form = ValuesForm(
            request.POST,
            indicators=old.indicators,
            current={g["indicator"].pk: g["row"] for g in old.groups if g["row"]},
            previous={g["indicator"].pk: g["before"] for g in old.groups if g["before"]},
        )
        if form.is_valid():
            try:
                result = indicator_values_save(
                    school=school, period=period, entries=form.entries(), by=request.user
                )
                if request.POST.get("action") == "submit":
                    submission = submission_for(school=school, period=period)
                    submission_submit(submission=submission, by=request.user)
            except IndicatorValidationError as error:
                form.add_problems(error.problems)
                form.add_error(None, str(error))
            except IndicatorError as error:
                form.add_error(None, str(error))
            else:
                if request.POST.get("action") == "submit":
                    messages.success(request, _("The data is submitted to the centre."))
                else:
                    messages.success(
                        request,
                        _("Saved: %(created)s new, %(updated)s changed.")
                        % {"created": result.created, "updated": result.updated},
                    )
                return redirect("monitoring:entry", school_pk=school.pk, period_pk=period.pk)
        context = _entry_context(request, school, period, form=form)
    return render(request, "monitoring/indicators/entry.html", context)


def _review(request, school_pk, period_pk, action):
    school = _school_for(request, school_pk, "monitoring.review_indicator_values")
    period = get_object_or_404(Period, pk=period_pk)
    submission = submission_for(school=school, period=period)
    try:
        action(submission)
    except IndicatorError as error:
        messages.error(request, str(error))
    return redirect("monitoring:entry", school_pk=school.pk, period_pk=period.pk)


@login_required
@require_POST
def submission_approve_view(request, school_pk, period_pk):
    def approve(submission):
        submission_approve(submission=submission, by=request.user)
        messages.success(request, _("The data is approved."))

    return _review(request, school_pk, period_pk, approve)


@login_required
@require_POST
def submission_return_view(request, school_pk, period_pk):
    def send_back(submission):
        form = ReturnForm(request.POST)
        comment = form.data.get("comment", "")
        submission_return(submission=submission, by=request.user, comment=comment)
        messages.success(request, _("The data is returned to the school with your comment."))

    return _review(request, school_pk, period_pk, send_back)


@login_required
@require_GET
def submission_list(request):
    """Every school's data for a period, with its state, for the centre.

    The filters and the table are the same for everyone in the centre: kept as HTML per
    period and query until monitoring data changes; the buttons above follow the user."""
    _require(request.user, "monitoring.view_municipal_dashboard")
    current = Period.objects.current()
    filters = SubmissionFilterForm(request.GET or None, initial={"period": current})
    filters.is_valid()
    data = getattr(filters, "cleaned_data", {})
    period = data.get("period") or current
    body = kept_html(
        request,
        AREA,
        "submissions",
        f"all:{period.pk if period else None}",
        "monitoring/indicators/_submission_list_body.html",
        lambda: _submission_list_context(request, filters, data, period),
    )
    return render(
        request,
        "monitoring/indicators/submission_list.html",
        {"period": period, "body": body},
    )


def _submission_list_context(request, filters, data, period):
    schools = School.objects.order_by("sort_name")
    if period is not None:
        found = IndicatorSubmission.objects.filter(school=OuterRef("pk"), period=period)
        schools = schools.annotate(
            submission_state=Subquery(found.values("state")[:1]),
            submitted_at=Subquery(found.values("submitted_at")[:1]),
        )
        state = data.get("state")
        if state == "none":
            schools = schools.filter(submission_state__isnull=True)
        elif state:
            schools = schools.filter(submission_state=state)
    if data.get("category"):
        schools = schools.filter(category=data["category"])
    page = Paginator(schools, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = dict(IndicatorSubmission.State.choices)
    return {"filters": filters, "page": page, "period": period, "labels": labels}


@login_required
@require_GET
def period_list(request):
    _require(request.user, "monitoring.view_municipal_dashboard")
    return render(
        request,
        "monitoring/indicators/period_list.html",
        {
            "periods": Period.objects.order_by("-starts_on"),
            "may_lock": request.user.has_perm("monitoring.lock_period"),
        },
    )


@login_required
@require_POST
def period_set_state(request, pk):
    _require(request.user, "monitoring.lock_period")
    period = get_object_or_404(Period, pk=pk)
    if request.POST.get("state") == Period.State.LOCKED:
        period_lock(period=period, by=request.user)
        messages.success(request, _("The period %(name)s is locked.") % {"name": period.name})
    else:
        period_unlock(period=period, by=request.user)
        messages.success(request, _("The period %(name)s is open.") % {"name": period.name})
    return redirect("monitoring:periods")


@login_required
@require_POST
def period_recalculate(request, pk):
    _require(request.user, "monitoring.recalculate_indicators")
    period = get_object_or_404(Period, pk=pk)
    if period.is_locked:
        messages.error(request, _("The period %(name)s is locked.") % {"name": period.name})
    else:
        recalculation_order(period=period)
        messages.success(
            request,
            _("The computed indicators of %(name)s are being recalculated.")
            % {"name": period.name},
        )
    return redirect("monitoring:periods")
