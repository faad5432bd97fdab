"""Every move of the curator's review of the profile and the programme, legal and illegal."""

import pytest

from core.review import ReviewAction
from notifications.models import Kind, Notification
from programmes import services
from programmes.errors import ProgrammeError
from programmes.models import ProfileEntry, Programme, RiskProfile, RiskProgramme
from schools.models import School
from tests.programmes.factories import (
    YEAR,
    accepted,
    add_measure,
    curate,
    factors,
    filled,
    started,
    written,
)
from tests.schools.factories import SchoolFactory


@pytest.fixture
def profile(school_a, director_a, methodologist):
    curate(school_a, methodologist)
    return started(school_a, by=director_a)


def told(kind):
    return sorted(n.user.username for n in Notification.objects.filter(kind=kind))


def test_start_opens_every_risk_factor_and_an_empty_programme(profile):
    assert profile.assessments.count() == 10
    assert profile.programme.state == Programme.State.DRAFT
    assert profile.year == YEAR


def test_start_refuses_a_second_profile_for_the_year(profile, school_a, director_a):
    with pytest.raises(ProgrammeError, match="уже"):
        started(school_a, by=director_a)


def test_start_refuses_a_school_that_is_not_supported(db, director_a):
    with pytest.raises(ProgrammeError):
        started(SchoolFactory(category=School.Category.LEADER), by=director_a)


def test_marking_risks_opens_their_antirisk_programmes(profile, director_a):
    filled(profile, by=director_a)
    assert RiskProgramme.objects.filter(programme=profile.programme).count() == 3


def test_a_risk_that_stops_applying_loses_its_empty_programme(profile, director_a):
    filled(profile, by=director_a)
    filled(profile, by=director_a, applying=factors(2))
    assert profile.programme.risks.count() == 2


def test_a_risk_with_measures_cannot_stop_applying(profile, director_a):
    filled(profile, by=director_a)
    add_measure(profile.programme.risks.last(), by=director_a)
    with pytest.raises(ProgrammeError, match="мероприятия"):
        filled(profile, by=director_a, applying=factors(2))


def test_an_incomplete_profile_cannot_be_submitted(profile, director_a):
    with pytest.raises(ProgrammeError, match="уровень"):
        services.profile_submit(profile=profile, by=director_a)


def test_a_profile_without_applying_risks_cannot_be_submitted(profile, director_a):
    filled(profile, by=director_a, applying=[])
    with pytest.raises(ProgrammeError, match="хотя бы один"):
        services.profile_submit(profile=profile, by=director_a)


def test_submitting_the_profile_tells_the_curator(profile, director_a, methodologist):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.SUBMITTED
    assert profile.submitted_at is not None
    assert told(Kind.PROGRAMME_SUBMITTED) == ["metodist"]
    entry = profile.entries.get()
    assert entry.action == ReviewAction.SUBMITTED
    note = Notification.objects.get(kind=Kind.PROGRAMME_SUBMITTED)
    assert note.url == f"{profile.get_absolute_url()}#profile-entry-{entry.pk}"


def test_a_submitted_profile_cannot_be_submitted_again_nor_edited(profile, director_a):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    with pytest.raises(ProgrammeError, match="уже"):
        services.profile_submit(profile=profile, by=director_a)
    with pytest.raises(ProgrammeError, match="изменить"):
        filled(profile, by=director_a)


def test_a_draft_cannot_be_accepted_or_returned(profile, methodologist):
    with pytest.raises(ProgrammeError):
        services.profile_accept(profile=profile, by=methodologist)
    with pytest.raises(ProgrammeError):
        services.profile_return(profile=profile, by=methodologist, comment="Уточните")


def test_return_needs_a_comment(profile, director_a, methodologist):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    with pytest.raises(ProgrammeError, match="комментари"):
        services.profile_return(profile=profile, by=methodologist, comment="  ")


def test_a_returned_profile_is_editable_and_the_director_is_told(
    profile, director_a, methodologist
):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    services.profile_return(profile=profile, by=methodologist, comment="Обоснуйте уровень")
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.RETURNED
    assert told(Kind.PROGRAMME_RETURNED) == ["direktor_a"]
    assert Notification.objects.get(kind=Kind.PROGRAMME_RETURNED).text == "Обоснуйте уровень"
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.SUBMITTED


def test_accepting_the_profile_tells_the_director(profile, director_a, methodologist):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    services.profile_accept(profile=profile, by=methodologist)
    profile.refresh_from_db()
    assert profile.state == RiskProfile.State.ACCEPTED
    assert told(Kind.PROGRAMME_ACCEPTED) == ["direktor_a"]
    with pytest.raises(ProgrammeError, match="уже"):
        services.profile_submit(profile=profile, by=director_a)


def test_a_comment_goes_into_the_thread_and_an_empty_one_is_refused(profile, director_a):
    services.profile_comment(profile=profile, by=director_a, text="Вопрос куратору")
    assert ProfileEntry.objects.get(profile=profile).action == ReviewAction.COMMENT
    with pytest.raises(ProgrammeError):
        services.profile_comment(profile=profile, by=director_a, text=" ")


def test_the_programme_waits_for_the_profile(profile, director_a):
    filled(profile, by=director_a)
    written(profile, by=director_a)
    with pytest.raises(ProgrammeError, match="профиль"):
        services.programme_submit(programme=profile.programme, by=director_a)


def test_the_programme_needs_a_goal_and_measures_for_every_risk(profile, director_a):
    filled(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    with pytest.raises(ProgrammeError, match="цель"):
        services.programme_submit(programme=profile.programme, by=director_a)
    services.programme_update(programme=profile.programme, by=director_a, goal="Цель")
    with pytest.raises(ProgrammeError, match="мероприятие"):
        services.programme_submit(programme=profile.programme, by=director_a)


def test_the_programme_is_accepted_only_after_the_profile(profile, director_a, methodologist):
    filled(profile, by=director_a)
    written(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    services.programme_submit(programme=profile.programme, by=director_a)
    assert told(Kind.PROGRAMME_SUBMITTED) == ["metodist", "metodist"]
    with pytest.raises(ProgrammeError, match="профиль"):
        services.programme_accept(programme=profile.programme, by=methodologist)
    services.profile_accept(profile=profile, by=methodologist)
    services.programme_accept(programme=profile.programme, by=methodologist, comment="Хорошо")
    profile.programme.refresh_from_db()
    assert profile.programme.state == Programme.State.ACCEPTED
    assert [e.action for e in profile.programme.entries.all()] == [
        ReviewAction.SUBMITTED,
        ReviewAction.ACCEPTED,
    ]


def test_a_returned_programme_is_fixed_and_resubmitted(profile, director_a, methodologist):
    filled(profile, by=director_a)
    written(profile, by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    services.programme_submit(programme=profile.programme, by=director_a)
    with pytest.raises(ProgrammeError, match="изменить"):
        services.programme_update(programme=profile.programme, by=director_a, goal="Новая")
    services.programme_return(programme=profile.programme, by=methodologist, comment="Сроки")
    services.programme_update(programme=profile.programme, by=director_a, goal="Новая")
    services.programme_submit(programme=profile.programme, by=director_a)
    profile.programme.refresh_from_db()
    assert profile.programme.state == Programme.State.SUBMITTED
    assert profile.programme.goal == "Новая"


def test_without_a_curator_every_methodologist_is_told(db, director_a, methodologist):
    school = director_a.teacher_profile.school
    profile = filled(started(school, by=director_a), by=director_a)
    services.profile_submit(profile=profile, by=director_a)
    assert told(Kind.PROGRAMME_SUBMITTED) == ["metodist"]


def test_the_whole_review_through_the_factories(school_a, director_a, methodologist):
    profile = accepted(school_a, by=director_a, curator=methodologist)
    assert profile.state == profile.programme.state == RiskProfile.State.ACCEPTED
