"""How an event reads outside the portal: in e-mails and calendar files."""

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from core.dates import zone_label


def absolute(path: str) -> str:
    """A full address for an e-mail or a calendar file."""
    return settings.PORTAL_BASE_URL + path


def portal_domain() -> str:
    """The host of the portal's address: for UIDs and Message-IDs."""
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"


def event_location(event) -> str:
    """Where: the venue, or the host school with its address."""
    parts = [event.venue]
    if event.host_school_id:
        school = event.host_school
        parts += [str(school), school.address]
    return ", ".join(part for part in parts if part)


def time_span(starts_at: datetime, ends_at: datetime) -> str:
    """«14 апреля 2026, 10:00–13:00 (МСК)», in the portal's time zone."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() == end.date():
        text = f"{date_format(start, 'j E Y, H:i')}–{date_format(end, 'H:i')}"
    else:
        text = f"{date_format(start, 'j E Y, H:i')} – {date_format(end, 'j E Y, H:i')}"
    return f"{text} ({zone_label(start)})"


def greeting(teacher) -> str:
    """«Здравствуйте, Мария Андреевна!», or «Здравствуйте!» without a first name."""
    if not teacher.first_name:
        return _("Hello!")
    name = " ".join(part for part in (teacher.first_name, teacher.patronymic) if part)
    return _("Hello, %(name)s!") % {"name": name}
