import threading

import pytest
from django.db import connection

from network.models import Stage, StageComment
from network.services import NetworkError, stage_accept, stage_submit

from .factories import add_problem, stage


@pytest.mark.postgres
def test_two_simultaneous_accepts_accept_the_stage_once(
    transactional_db, postgres, partnership, director_a, methodologist
):
    add_problem(partnership)
    first = stage_submit(stage=stage(partnership, Stage.Kind.ACQUAINTANCE), by=director_a)
    barrier = threading.Barrier(2)
    outcomes = []

    def review():
        try:
            barrier.wait()
            stage_accept(stage=Stage.objects.get(pk=first.pk), by=methodologist)
            outcomes.append("accepted")
        except NetworkError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=review) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["accepted", "refused"]
    assert first.comments.filter(action=StageComment.Action.ACCEPTED).count() == 1
    assert stage(partnership, Stage.Kind.JOINT_ACTIVITY).comments.count() == 1
