"""Addresses from before plans, diagnostics and reports left monitoring answer 301."""

import pytest


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/monitoring/plans/", "/development/plans/"),
        ("/monitoring/plans/my/?year=2025", "/development/plans/my/?year=2025"),
        ("/monitoring/plans/items/7/evidence/", "/development/plans/items/7/evidence/"),
        ("/monitoring/diagnostics/3/results/", "/development/diagnostics/3/results/"),
        ("/monitoring/reports/", "/reports/"),
        ("/monitoring/reports/5/download/", "/reports/5/download/"),
        ("/admin/monitoring/developmentplan/", "/admin/development/developmentplan/"),
        ("/admin/monitoring/questionnaire/2/change/", "/admin/development/questionnaire/2/change/"),
        ("/admin/monitoring/report/", "/admin/reports/report/"),
    ],
)
def test_old_address_answers_301_with_the_new_one(client, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_indicator_addresses_stay_where_they_were(client, db):
    assert client.get("/monitoring/indicators/").status_code == 302  # to the login
    assert client.get("/admin/monitoring/indicator/").status_code == 302
