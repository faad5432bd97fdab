"""Factories that build the network through its services, as the portal does."""

import datetime

import factory
from django.core.files.base import ContentFile

from network.models import Activity, Mentorship, MethodicalAssociation, Partnership, Stage
from network.services import (
    activity_complete,
    activity_create,
    partnership_create,
    problem_create,
    stage_accept,
    stage_submit,
)
from schools.models import School
from tests.schools.factories import SchoolFactory, TeacherFactory

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf(name="протокол.pdf"):
    return ContentFile(PDF, name=name)


class PartnershipFactory(factory.django.DjangoModelFactory):
    """A leader school with one low-result school (or the given ``schools``)."""

    class Meta:
        model = Partnership

    leader = factory.SubFactory(SchoolFactory, category=School.Category.LEADER)
    goal = "Повышение качества подготовки к ГИА по математике"
    starts_on = datetime.date(2025, 9, 1)
    ends_on = datetime.date(2026, 6, 30)
    model = Partnership.Model.COOPERATION_AGREEMENT

    @classmethod
    def _create(cls, model_class, *args, schools=None, **kwargs):
        if schools is None:
            schools = [SchoolFactory(category=School.Category.LOW_RESULTS)]
        return partnership_create(schools=schools, **kwargs)


def stage(partnership, kind) -> Stage:
    return partnership.roadmap.stages.get(kind=kind)


def add_problem(partnership, *, by=None, school=None, title="Низкие результаты ОГЭ"):
    school = school or partnership.schools.first()
    return problem_create(roadmap=partnership.roadmap, by=by, school=school, title=title)


def add_activity(stage_obj, *, by=None, school=None, title="Взаимопосещение уроков", **kwargs):
    partnership = stage_obj.roadmap.partnership
    kwargs.setdefault("form", Activity.Form.LESSON_VISITS)
    kwargs.setdefault("due_on", datetime.date(2026, 3, 1))
    return activity_create(
        stage=stage_obj,
        by=by,
        title=title,
        responsible_school=school or partnership.leader,
        **kwargs,
    )


def complete(activity, *, by=None, on=None, file=None):
    return activity_complete(
        activity=activity,
        by=by,
        result="Проведено, составлены рекомендации",
        completed_on=on,
        evidence_file=file,
    )


def open_joint_activity(partnership, *, by=None, reviewer=None) -> Stage:
    """Walk stage 1 through review, so that stage 2 is open."""
    add_problem(partnership, by=by)
    first = stage(partnership, Stage.Kind.ACQUAINTANCE)
    stage_submit(stage=first, by=by)
    stage_accept(stage=first, by=reviewer)
    return stage(partnership, Stage.Kind.JOINT_ACTIVITY)


class MethodicalAssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MethodicalAssociation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"ММО учителей математики {n}")
    leader = factory.SubFactory(TeacherFactory)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.set(extracted)


class MentorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentorship

    mentor = factory.SubFactory(TeacherFactory)
    mentee = factory.SubFactory(TeacherFactory)
    kind = Mentorship.Kind.MENTORING
    state = Mentorship.State.ACTIVE
    goal = "Подготовка молодого учителя к урокам в 9 классах"
    starts_on = datetime.date(2025, 9, 1)
