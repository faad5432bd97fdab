import io

import pytest
from django.core.management import call_command

from network.models import (
    Activity,
    Mentorship,
    MethodicalAssociation,
    Partnership,
    Stage,
    StageComment,
)


@pytest.mark.django_db
def test_load_demo_builds_partnerships_in_every_stage_and_runs_twice_harmlessly():
    call_command("load_demo", stdout=io.StringIO())
    counts = [
        Partnership.objects.count(),
        Activity.objects.count(),
        StageComment.objects.count(),
        MethodicalAssociation.objects.count(),
        Mentorship.objects.count(),
    ]

    call_command("load_demo", stdout=io.StringIO())

    assert counts == [
        Partnership.objects.count(),
        Activity.objects.count(),
        StageComment.objects.count(),
        MethodicalAssociation.objects.count(),
        Mentorship.objects.count(),
    ]
    current = set(Stage.objects.filter(state__in=Stage.CURRENT).values_list("kind", flat=True))
    assert current == set(Stage.Kind.values)
    directors = Partnership.objects.get(leader__short_name="МАОУ СОШ № 1")
    assert directors.schools.get().short_name == "МАОУ СОШ № 6"
    assert directors.roadmap.stages.get(kind=Stage.Kind.JOINT_ACTIVITY).activities.count() >= 5
    assert Activity.objects.overdue().exists()
    assert Activity.objects.exclude(evidence_file="").exists()
    assert Mentorship.objects.count() >= 3
