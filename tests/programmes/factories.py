"""Programmes built through the services, as the portal builds them."""

import datetime

from network.demo import risk_factors
from network.models import RiskFactor
from programmes import services
from programmes.models import Curatorship, Measure, Module

YEAR = 2025


def factors(count=3):
    risk_factors()  # a flushed (transactional) database has lost the reference list
    return list(RiskFactor.objects.order_by("order")[:count])


def started(school, *, by, year=YEAR):
    return services.programme_start(school=school, year=year, by=by)


def filled(profile, *, by, applying=None):
    """Every factor assessed; the first three (or ``applying``) apply."""
    applying = applying if applying is not None else factors(3)
    ids = {factor.pk for factor in applying}
    rows = {
        factor.pk: {
            "level": "high" if factor.pk in ids else "low",
            "justification": "По итогам самодиагностики",
            "applies": factor.pk in ids,
        }
        for factor in RiskFactor.objects.all()
    }
    return services.profile_update(profile=profile, by=by, rows=rows)


def add_measure(risk, *, by, title="Методический день по математике", **data):
    data.setdefault("module", Module.TEACHING)
    data.setdefault("due_on", datetime.date(2026, 3, 1))
    data.setdefault("responsible", "Завуч Иванова И. И.")
    return services.measure_create(risk=risk, by=by, title=title, **data)


def written(profile, *, by, indicator_codes=()):
    """A goal, and a goal and one measure for every risk that applies; the i-th risk's
    measure moves the monitoring indicator ``indicator_codes[i]``, if given."""
    programme = profile.programme
    services.programme_update(programme=programme, by=by, goal="Переход в эффективный режим")
    codes = list(indicator_codes)
    for index, risk in enumerate(programme.risks.order_by("pk")):
        services.risk_update(risk=risk, by=by, goal="Снизить риск", tasks="Провести мероприятия")
        code = codes[index] if index < len(codes) else ""
        add_measure(
            risk,
            by=by,
            indicator="" if code else "Доля успевающих",
            indicator_code=code,
            target=90,
        )
    return programme


def accepted(school, *, by, curator, applying=None, indicator_codes=()):
    """A profile and programme taken all the way through the review."""
    profile = filled(started(school, by=by), by=by, applying=applying)
    written(profile, by=by, indicator_codes=indicator_codes)
    services.profile_submit(profile=profile, by=by)
    services.profile_accept(profile=profile, by=curator)
    services.programme_submit(programme=profile.programme, by=by)
    services.programme_accept(programme=profile.programme, by=curator)
    profile.refresh_from_db()
    profile.programme.refresh_from_db()
    return profile


def curate(school, curator):
    return Curatorship.objects.create(school=school, curator=curator)


def measures_of(profile):
    return Measure.objects.filter(risk__programme__profile=profile).order_by("pk")
