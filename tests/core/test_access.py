"""The one object fetcher: the object, 403 to whom may know it, 404 to everyone else."""

import pytest
import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import User
from core.access import get_object_for_user

rules.add_perm("tests.change_thing", rules.predicate(lambda user, obj: obj.username == "a"))
rules.add_perm("tests.know_thing", rules.predicate(lambda user, obj: obj.username in ("a", "b")))


@pytest.fixture
def things(db):
    return {name: User.objects.create(username=name) for name in ("a", "b", "c")}


def fetch(user, thing):
    return get_object_for_user(
        user,
        User.objects.all(),
        perm="tests.change_thing",
        known_by="tests.know_thing",
        pk=thing.pk,
    )


def test_returns_the_object_when_the_permission_holds(things):
    assert fetch(things["c"], things["a"]) == things["a"]


def test_answers_403_to_whom_may_know_the_object(things):
    with pytest.raises(PermissionDenied):
        fetch(things["c"], things["b"])


def test_answers_404_to_everyone_else(things):
    with pytest.raises(Http404):
        fetch(things["c"], things["c"])


def test_answers_404_for_a_missing_object(things):
    with pytest.raises(Http404):
        get_object_for_user(
            things["a"],
            User.objects.all(),
            perm="tests.change_thing",
            known_by="tests.know_thing",
            pk=10**9,
        )
