"""Diagnostics of professional difficulties: opening, answering and aggregating questionnaires."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.errors import DomainError
from core.figures_cache import rows_written
from core.history import acting_user, audited
from development.models.questionnaires import Answer, Difficulty, Questionnaire, Response
from development.results_figures import kept
from schools.models import School, Subject


class QuestionnaireError(DomainError):
    """A refused change to a questionnaire or an answer, with a message for the user."""


@audited
@transaction.atomic
def questionnaire_open(*, questionnaire, by=None) -> Questionnaire:
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if questionnaire.status == Questionnaire.Status.OPEN:
        raise QuestionnaireError(_("The questionnaire is already open."))
    if not Difficulty.objects.filter(section__questionnaire=questionnaire).exists():
        raise QuestionnaireError(_("Add at least one statement before opening the questionnaire."))
    questionnaire.status = Questionnaire.Status.OPEN
    questionnaire.opened_at = questionnaire.opened_at or timezone.now()
    questionnaire.closed_at = None
    questionnaire.save(update_fields=["status", "opened_at", "closed_at"])
    return questionnaire


@audited
@transaction.atomic
def questionnaire_close(*, questionnaire, by=None) -> Questionnaire:
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if questionnaire.status != Questionnaire.Status.OPEN:
        raise QuestionnaireError(_("Only an open questionnaire can be closed."))
    questionnaire.status = Questionnaire.Status.CLOSED
    questionnaire.closed_at = timezone.now()
    questionnaire.save(update_fields=["status", "closed_at"])
    return questionnaire


def response_submit(*, questionnaire, teacher, answers, open_answer="") -> Response:
    """Record a teacher's answers, once; ``answers`` maps statement ids to values of the scale."""
    if teacher is None or teacher.pk is None:
        raise QuestionnaireError(_("Only teachers from the registry of schools answer."))
    # The teacher answers for themselves, whoever's request carries the answers.
    with acting_user(teacher.user), transaction.atomic():
        # The lock orders an answer against a closing of the questionnaire.
        questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
        if questionnaire.status != Questionnaire.Status.OPEN:
            raise QuestionnaireError(_("The questionnaire is closed: answers are not accepted."))
        if not Questionnaire.objects.open_for(teacher).filter(pk=questionnaire.pk).exists():
            raise QuestionnaireError(_("This questionnaire is for another group of teachers."))
        if Response.objects.filter(questionnaire=questionnaire, teacher=teacher).exists():
            raise QuestionnaireError(_("You have already answered this questionnaire."))
        statements = list(
            Difficulty.objects.filter(section__questionnaire=questionnaire).values_list(
                "pk", flat=True
            )
        )
        low, high = questionnaire.scale_range
        missing = [pk for pk in statements if pk not in answers]
        if missing:
            raise QuestionnaireError(_("Answer every statement."))
        if any(not low <= int(answers[pk]) <= high for pk in statements):
            raise QuestionnaireError(
                _("Each answer is a number from %(low)s to %(high)s.") % {"low": low, "high": high}
            )
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    questionnaire=questionnaire,
                    teacher=teacher,
                    school_id=teacher.school_id,
                    open_answer=(open_answer or "").strip(),
                )
        except IntegrityError as error:  # two submissions at once
            raise QuestionnaireError(_("You have already answered this questionnaire.")) from error
        bulk_create_with_history(
            [
                Answer(response=response, difficulty_id=pk, value=int(answers[pk]))
                for pk in statements
            ],
            Answer,
        )
        rows_written(Answer)
    return response


def difficulties_top(*, teacher, limit=3) -> list[Difficulty]:
    """The statements the teacher rated hardest in their latest response (not the 'none' ones)."""
    response = (
        Response.objects.filter(teacher=teacher)
        .select_related("questionnaire")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if response is None:
        return []
    low, _high = response.questionnaire.scale_range
    answers = (
        response.answers.filter(value__gt=low)
        .select_related("difficulty")
        .order_by("-value", "difficulty__section__order", "difficulty__order", "difficulty_id")
    )
    return [answer.difficulty for answer in answers[:limit]]


@dataclass
class Cell:
    average: float | None = None
    count: int = 0


@dataclass
class Results:
    """Mean difficulty per statement, by school and by subject (higher is harder)."""

    questionnaire: Questionnaire
    difficulties: list
    schools: list
    subjects: list
    by_school: dict = field(default_factory=dict)
    by_subject: dict = field(default_factory=dict)
    overall: dict = field(default_factory=dict)
    respondents: dict = field(default_factory=dict)

    def school_columns(self):
        return [(school, self.respondents.get(school.pk, 0)) for school in self.schools]

    def overall_of(self, difficulty):
        return self.overall.get(difficulty.pk, Cell())

    def school_row(self, difficulty):
        return [self.by_school.get((difficulty.pk, s.pk), Cell()) for s in self.schools]

    def subject_row(self, difficulty):
        return [self.by_subject.get((difficulty.pk, s.pk), Cell()) for s in self.subjects]


def answered_schools(*, questionnaire, school_ids=None):
    """The schools (of ``school_ids``) whose teachers answered, by name: the columns of the
    results by school, which a page shows a few at a time."""
    responses = Response.objects.filter(questionnaire=questionnaire)
    if school_ids is not None:
        responses = responses.filter(school_id__in=school_ids)
    return School.objects.filter(pk__in=responses.values("school_id")).order_by("sort_name", "pk")


def answered_count(*, questionnaire, school_ids=None) -> int:
    """How many of ``answered_schools`` there are, kept until the next answer."""
    schools = answered_schools(questionnaire=questionnaire, school_ids=school_ids)
    return kept(questionnaire, "answered", school_ids, schools.count)


def questionnaire_results(*, questionnaire, school_ids=None, columns=None) -> Results:
    """Aggregate the answers; with ``school_ids``, only those schools' teachers are counted
    per school and per subject, while ``overall`` stays the municipality's mean. With
    ``columns`` (schools, in order), only those are counted per school."""
    column_pks = None if columns is None else [school.pk for school in columns]
    figures = kept(
        questionnaire,
        "results",
        school_ids,
        lambda: _aggregates(questionnaire, school_ids, column_pks),
        column_pks,
    )
    by_school, by_subject, overall, respondents = figures
    return Results(
        questionnaire=questionnaire,
        difficulties=list(
            Difficulty.objects.filter(section__questionnaire=questionnaire).select_related(
                "section"
            )
        ),
        schools=(
            list(columns)
            if columns is not None
            else list(
                School.objects.filter(pk__in={pk for _d, pk in by_school}).order_by("sort_name")
            )
        ),
        subjects=list(Subject.objects.filter(pk__in={pk for _d, pk in by_subject})),
        by_school=by_school,
        by_subject=by_subject,
        overall=overall,
        respondents=respondents,
    )


def _aggregates(questionnaire, school_ids, column_pks):
    """The means and counts, by school, by subject and overall, and the respondents."""
    answers = Answer.objects.filter(response__questionnaire=questionnaire)
    mine = answers if school_ids is None else answers.filter(response__school_id__in=school_ids)
    per_school = mine
    if column_pks is not None:
        per_school = mine.filter(response__school_id__in=column_pks)
    by_school = {
        (row["difficulty_id"], row["response__school_id"]): Cell(row["average"], row["n"])
        for row in per_school.values("difficulty_id", "response__school_id").annotate(
            average=Avg("value"), n=Count("id")
        )
    }
    by_subject = {
        (row["difficulty_id"], row["response__teacher__subjects"]): Cell(row["average"], row["n"])
        for row in mine.filter(response__teacher__subjects__isnull=False)
        .values("difficulty_id", "response__teacher__subjects")
        .annotate(average=Avg("value"), n=Count("id"))
    }
    overall = {
        row["difficulty_id"]: Cell(row["average"], row["n"])
        for row in answers.values("difficulty_id").annotate(average=Avg("value"), n=Count("id"))
    }
    responses = Response.objects.filter(questionnaire=questionnaire)
    if school_ids is not None:
        responses = responses.filter(school_id__in=school_ids)
    if column_pks is not None:
        responses = responses.filter(school_id__in=column_pks)
    respondents = {
        row["school_id"]: row["n"] for row in responses.values("school_id").annotate(n=Count("id"))
    }
    return by_school, by_subject, overall, respondents
