from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from accounts import views as accounts_views
from config import views

admin.site.site_header = _("Methodological network portal")
admin.site.site_title = _("Methodological network portal")
admin.site.index_title = _("Administration")

# Addresses that users bookmarked before plans, diagnostics and reports left monitoring.
MOVED = [
    ("monitoring/plans/", "development/plans/"),
    ("monitoring/diagnostics/", "development/diagnostics/"),
    ("monitoring/reports/", "reports/"),
    *[
        (f"admin/monitoring/{model}/", f"admin/{app}/{model}/")
        for app, models in [
            (
                "development",
                "plantemplate plantemplateitem developmentplan planitem plancomment "
                "questionnaire section difficulty response answer",
            ),
            ("reports", "report"),
        ]
        for model in models.split()
    ],
]

# Handled here rather than by Django's default: a lost database answers 503, not 500.
handler500 = "config.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accounts/password_reset/",
        accounts_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("imports/", include("accounts.urls")),
    path("schools/", include("schools.urls")),
    path("network/", include("network.urls")),
    path("events/", include("events.urls")),
    path("development/", include("development.urls")),
    path("practices/", include("practices.urls")),
    path("programmes/", include("programmes.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("reports/", include("reports.urls")),
    path("notifications/", include("notifications.urls")),
    *[
        re_path(rf"^{old}(?P<rest>.*)$", views.moved, {"to": new}, name=f"moved-{new}")
        for old, new in MOVED
    ],
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
