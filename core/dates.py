"""Academic years: they start on the 1st of September."""

from django.utils import timezone


def current_academic_year(today=None):
    """The year the current academic year starts (September)."""
    today = today or timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


def academic_year_label(year):
    """2025 → «2025/2026»."""
    return f"{year}/{year + 1}"
