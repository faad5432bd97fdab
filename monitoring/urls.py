from django.urls import path

from monitoring.views import dashboards, indicator_import, indicators

app_name = "monitoring"

urlpatterns = [
    # indicators: entry, review, import, periods
    path("indicators/", indicators.entry_home, name="entry_home"),
    path(
        "indicators/schools/<int:school_pk>/periods/<int:period_pk>/",
        indicators.entry,
        name="entry",
    ),
    path(
        "indicators/schools/<int:school_pk>/periods/<int:period_pk>/approve/",
        indicators.submission_approve_view,
        name="submission_approve",
    ),
    path(
        "indicators/schools/<int:school_pk>/periods/<int:period_pk>/return/",
        indicators.submission_return_view,
        name="submission_return",
    ),
    path("indicators/submissions/", indicators.submission_list, name="submissions"),
    path("indicators/periods/", indicators.period_list, name="periods"),
    path("indicators/periods/<int:pk>/state/", indicators.period_set_state, name="period_state"),
    path(
        "indicators/periods/<int:pk>/recalculate/",
        indicators.period_recalculate,
        name="period_recalculate",
    ),
    path("indicators/import/", indicator_import.import_upload, name="import"),
    path("indicators/import/errors/", indicator_import.import_errors, name="import_errors"),
    path("indicators/import/confirm/", indicator_import.import_confirm, name="import_confirm"),
    path("indicators/import/template/", indicator_import.import_template, name="import_template"),
    path("indicators/export/", indicator_import.export, name="export"),
    # dashboards
    path("dashboards/", dashboards.municipal, name="dashboard_municipal"),
    path("dashboards/my-school/", dashboards.mine, name="dashboard_mine"),
    path("dashboards/schools/<int:school_pk>/", dashboards.school, name="dashboard_school"),
    path("dashboards/partnerships/<int:pk>/", dashboards.partnership, name="dashboard_partnership"),
]
