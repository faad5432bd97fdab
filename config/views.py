"""Project-level pages: the home page of each role and the health check."""

import sys
from importlib import import_module

from django.conf import settings
from django.db import connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.cache import never_cache

from core.middleware import database_unavailable, is_database_outage
from outbox.services import backlog as outbox_backlog
from schools.selectors import municipality_counts, school_of, schools_by_category


def home(request):
    user = request.user
    context = {}
    if user.is_authenticated:
        school = school_of(user)
        context["school"] = school
        if school is not None and user.is_director:  # the director's card shows it
            context["teacher_count"] = school.teachers.count()
        if user.has_perm("schools.view_municipality"):
            counts = municipality_counts()
            context["school_count"] = counts["schools"]
            context["teacher_count"] = counts["teachers"]
            context["schools_by_category"] = schools_by_category()
        context["cards"] = home_cards(request)
    return render(request, "home.html", context)


def moved(request, rest, to):
    """An old address answers 301 with the new one, the query string kept."""
    url = f"/{to}{rest}"
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(url)


# Apps whose ``home.cards(request)`` add cards to the home page, in this order.
HOME_CARD_MODULES = ["network.home", "events.home", "monitoring.home", "development.home"]


def home_cards(request):
    """Each card is a dict with the template to include and that template's data, or with
    the card's ``html`` as its app kept it."""
    cards = []
    for name in HOME_CARD_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError:
            continue
        cards += module.cards(request)
    return cards


def server_error(request):
    """Answer 503 if the error being handled is a lost database, else Django's 500 page."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable()
    return defaults.server_error(request)


def _broker_state():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from config.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # any failure to reach the broker means "down" here
        return "down"
    return "ok"


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # the check must answer, whatever broke
        database = "down"
    broker = _broker_state()
    status = 200 if database == "ok" else 503
    answer = {"database": database, "broker": broker}
    if database == "ok":
        # Side effects waiting in the outbox; an old oldest one means nothing hands them out.
        try:
            answer["outbox"] = outbox_backlog()
        except Exception:  # a database not migrated yet
            answer["outbox"] = "unknown"
    return JsonResponse(answer, status=status)
