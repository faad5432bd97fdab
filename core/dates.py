"""Dates: academic years (they start on the 1st of September) and the time zone's name."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def current_academic_year(today=None):
    """The year the current academic year starts (September)."""
    today = today or timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


def academic_year_label(year):
    """2025 → «2025/2026»."""
    return f"{year}/{year + 1}"


# Zones with a name people say; any other zone is shown as its offset from UTC.
ZONE_NAMES = {
    "Europe/Moscow": _("MSK"),
    "Europe/Simferopol": _("MSK"),
}


def zone_label(moment=None):
    """The portal's time zone as a reader knows it: «МСК», else «UTC+5»."""
    name = ZONE_NAMES.get(str(settings.TIME_ZONE))
    if name:
        return str(name)
    offset = timezone.localtime(moment or timezone.now()).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    if not minutes:
        return "UTC"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
