"""Every free-text field of a portal form has a length limit, and a longer text is refused."""

import importlib
import inspect
from datetime import timedelta

import pytest
from django import forms
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.forms import LONG_TEXT, TEXT, id_or_none
from development.models.plans import DevelopmentPlan, PlanComment
from events.models import Feedback
from events.services import attendance_mark
from network.models import Problem, Stage, StageComment
from schools.models import School
from tests.development.factories import DevelopmentPlanFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.network.factories import PartnershipFactory, stage
from tests.schools.factories import SchoolFactory

FORM_MODULES = [
    "schools.forms",
    "network.forms",
    "events.forms",
    "development.forms",
    "monitoring.indicator_forms",
    "reports.forms",
]
HUGE = "я" * 100_000
TOO_LONG = f"Не более {TEXT} символов (сейчас 100000)."


def portal_forms():
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                yield cls


def model_field(form_class, name):
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a form field of its own, not the model's
        return None


@pytest.mark.parametrize("form_class", list(portal_forms()), ids=lambda cls: cls.__qualname__)
def test_every_text_field_of_a_form_has_a_length_limit(form_class):
    for name, field in form_class.base_fields.items():
        if not isinstance(field, forms.CharField):
            continue
        assert field.max_length is not None, f"{form_class.__name__}.{name} has no limit"
        if isinstance(model_field(form_class, name), models.TextField) or isinstance(
            field.widget, forms.Textarea
        ):
            assert field.max_length <= LONG_TEXT, f"{form_class.__name__}.{name}"


def test_the_forms_are_found():
    names = {cls.__name__ for cls in portal_forms()}
    assert {"PartnershipForm", "EventForm", "PlanForm", "ReturnForm", "TeacherForm"} <= names


@pytest.fixture
def partnership(school_a):
    leader = SchoolFactory(short_name="Лидер", category=School.Category.LEADER)
    return PartnershipFactory(leader=leader, schools=[school_a])


def test_a_huge_plan_comment_is_refused_and_nothing_is_stored(login, teacher_a, director_a):
    plan = DevelopmentPlanFactory(teacher=teacher_a.teacher_profile)
    comments = PlanComment.objects.count()

    response = login(director_a).post(
        reverse("development:plan_comment", args=[plan.pk]), {"text": HUGE}, follow=True
    )

    assert TOO_LONG in response.content.decode()
    assert PlanComment.objects.count() == comments


def test_a_huge_review_comment_leaves_the_plan_as_it_was(login, teacher_a, director_a):
    plan = DevelopmentPlanFactory(
        teacher=teacher_a.teacher_profile, status=DevelopmentPlan.Status.SUBMITTED
    )

    response = login(director_a).post(
        reverse("development:plan_approve", args=[plan.pk]), {"comment": HUGE}, follow=True
    )

    assert TOO_LONG in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED


def test_a_huge_stage_comment_is_refused(login, partnership, director_a):
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)

    response = login(director_a).post(
        reverse("network:stage_comment", args=[first.pk]), {"text": HUGE}, follow=True
    )

    assert TOO_LONG in response.content.decode()
    assert not first.comments.filter(action=StageComment.Action.COMMENT).exists()


def test_a_huge_problem_description_is_a_form_error(login, partnership, director_a, school_a):
    response = login(director_a).post(
        reverse("network:problem_add", args=[partnership.pk]),
        {"school": school_a.pk, "title": "Дефицит кадров", "description": HUGE},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [TOO_LONG]
    assert not Problem.objects.exists()


def test_a_huge_feedback_comment_is_a_form_error(login, teacher_a):
    start = timezone.now() - timedelta(days=1)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    registration = RegistrationFactory(event=event, teacher=teacher_a.teacher_profile)
    attendance_mark(registration=registration, attended=True)

    response = login(teacher_a).post(
        reverse("events:feedback", args=[registration.pk]), {"rating": "5", "comment": HUGE}
    )

    assert response.status_code == 200
    assert TOO_LONG in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_long_text_field_takes_twenty_thousand_characters():
    from events.forms import EventForm

    assert EventForm.base_fields["description"].max_length == LONG_TEXT
    assert EventForm.base_fields["description"].widget.attrs["maxlength"] == str(LONG_TEXT)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("0", None), ("-1", None), ("abc", None), ("٣", None), (None, None)]
    + [("99999999999999999999", None), (str(2**63 - 1), 2**63 - 1)],
)
def test_id_or_none_reads_only_a_primary_key(value, expected):
    assert id_or_none(value) == expected
