import io

import pytest
from django.core.management import call_command

from practices.models import Post, PostComment, Practice
from practices.search import search


@pytest.mark.django_db
def test_load_demo_fills_the_bank_and_a_discussion_and_runs_twice_harmlessly():
    call_command("load_demo", stdout=io.StringIO())
    counts = [Practice.objects.count(), Post.objects.count(), PostComment.objects.count()]

    call_command("load_demo", stdout=io.StringIO())

    assert counts == [Practice.objects.count(), Post.objects.count(), PostComment.objects.count()]
    published = Practice.objects.published()
    assert published.count() >= 5
    assert published.filter(useful_count__gt=0).exists()
    assert set(Practice.objects.values_list("state", flat=True)) >= {
        Practice.State.PUBLISHED,
        Practice.State.SUBMITTED,
        Practice.State.RETURNED,
    }
    assert search(published, "учителей").exists()
    association = Post.objects.first().association
    assert association.members.filter(user__username="uchitel").exists()
    assert PostComment.objects.exists()
