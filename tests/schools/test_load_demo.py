from io import StringIO

from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from schools.models import CategoryRecord, School, Teacher


def counts():
    return (
        School.objects.count(),
        Teacher.objects.count(),
        CategoryRecord.objects.count(),
        User.objects.count(),
    )


def test_load_demo_builds_a_municipality_and_is_idempotent(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    call_command("load_demo", stdout=StringIO())

    assert counts() == first
    schools, teachers, _records, _users = first
    assert 20 <= schools <= 30
    assert 350 <= teachers <= 500
    categories = set(School.objects.values_list("category", flat=True))
    assert categories == set(School.Category.values)
    assert set(School.objects.values_list("locality", flat=True)) == {"urban", "rural"}
    text = out.getvalue()
    for username in ("metodist", "koordinator", "direktor", "uchitel", "uchitel2"):
        assert username in text
    assert "demo12345" in text


def test_demo_logins_work_and_belong_to_schools(db, client):
    call_command("load_demo", stdout=StringIO())

    director = User.objects.get(username="direktor")
    assert director.teacher_profile.school.category == School.Category.LOW_RESULTS
    # django-axes checks every authentication against the request it came with.
    request = HttpRequest()
    assert client.login(request=request, username="direktor", password="demo12345")
    assert client.login(request=request, username="metodist", password="demo12345")
    assert client.get(reverse("admin:schools_school_changelist")).status_code == 200
