"""Celery tasks of the network (beat)."""

from celery import shared_task

from network.notices import activities_remind


@shared_task(name="network.remind_activities")
def remind_activities() -> int:
    return activities_remind()
