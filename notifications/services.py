"""Notifying users: a row for the portal, and an e-mail through the outbox if they want it.

``notify`` is called by the services of the other apps inside their transaction, so a
rolled-back change notifies nobody and a committed one reaches its people even if the
broker was down (the e-mail is an outbox item).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import DomainError
from notifications.models import (
    DEFAULT_CHANNEL,
    MAILED_ELSEWHERE,
    Channel,
    Kind,
    Notification,
    Preference,
)
from outbox.services import enqueue, handler

EMAIL = "notifications.email"
DIGEST = "notifications.digest"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
DIGEST_KEY = "digest"


class NotificationError(DomainError):
    pass


def notify(users, *, kind: Kind, title: str, text: str = "", url: str = "", key: str = ""):
    """Tell each active user; e-mail those who want it at once.

    With a ``key``, a user who was already told under it is not told again. Kinds that
    another app e-mails itself (``MAILED_ELSEWHERE``) are shown in the portal only.
    """
    people = {user.pk: user for user in users if user is not None and user.is_active}
    if key and people:
        told = Notification.objects.filter(key=key, user_id__in=list(people))
        for pk in told.values_list("user_id", flat=True):
            people.pop(pk, None)
    if not people:
        return []
    if kind in MAILED_ELSEWHERE:
        channels = dict.fromkeys(people, Channel.PORTAL)
    else:
        channels = channels_for(list(people), kind)
    notes = Notification.objects.bulk_create(
        Notification(
            user_id=pk,
            kind=kind,
            channel=channels[pk],
            title=title[:300],
            text=text,
            url=url,
            key=key,
        )
        for pk in people
    )
    for note in notes:
        if note.channel == Channel.EMAIL:
            enqueue(EMAIL, notification_id=note.pk)
    return notes


def channels_for(user_ids, kind) -> dict:
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "channel")
    )
    return {pk: chosen.get(pk, DEFAULT_CHANNEL) for pk in user_ids}


def preferences_of(user) -> dict:
    """Every kind with the user's channel for it."""
    chosen = dict(user.notification_preferences.values_list("kind", "channel"))
    return {
        kind: chosen.get(kind, DEFAULT_CHANNEL)
        for kind in Kind.values
        if kind not in MAILED_ELSEWHERE
    }


@transaction.atomic
def preferences_set(*, user, channels: dict) -> None:
    for kind, channel in channels.items():
        Kind(kind), Channel(channel)  # refuse what does not exist
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})


def notification_read(*, user, notification_id: int) -> Notification:
    note = Notification.objects.filter(user=user, pk=notification_id).first()
    if note is None:
        raise NotificationError(_("No such notification."))
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return note


def notifications_read_all(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


# --- e-mail -------------------------------------------------------------------------


def unsubscribe_token(user, kind) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user, kind) -> str:
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)])
    return settings.PORTAL_BASE_URL + path


def unsubscribe(token: str) -> tuple:
    """Switch the token's kinds to «in the portal only»; the user and those kinds."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = get_user_model().objects.get(pk=data["u"])
        kinds = _unsubscribe_kinds(user, data["k"])
    except (signing.BadSignature, KeyError, ValueError, TypeError, LookupError):
        raise NotificationError(_("This unsubscribe link is not valid.")) from None
    except get_user_model().DoesNotExist:
        raise NotificationError(_("This unsubscribe link is not valid.")) from None
    preferences_set(user=user, channels=dict.fromkeys(kinds, Channel.PORTAL))
    return user, kinds


def _unsubscribe_kinds(user, key):
    """The kinds a token switches off: one kind, or every kind the digest carries."""
    if key == DIGEST_KEY:
        return [kind for kind, channel in preferences_of(user).items() if channel == Channel.DIGEST]
    return [Kind(key)]


def _send(*, user, subject, template, context, kind):
    if not user.email:
        return False
    link = unsubscribe_url(user, kind)
    context = {
        **context,
        "user": user,
        # «Здравствуйте, Мария Андреевна!»: the first name and the patronymic.
        "name": " ".join(part for part in (user.first_name, user.patronymic) if part),
        "unsubscribe_url": link,
        "settings_url": settings.PORTAL_BASE_URL + reverse("notifications:preferences"),
        "centre_name": settings.PORTAL_CENTRE_NAME,
    }
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"notifications/emails/{template}.txt", context),
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"notifications/emails/{template}.html", context), "text/html"
    )
    message.send()
    return True


@handler(EMAIL)
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification; a second run sends nothing."""
    with transaction.atomic():
        note = (
            Notification.objects.select_for_update()
            .select_related("user")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if note is None:
            return False
        sent = _send(
            user=note.user,
            subject=note.title,
            template="notification",
            context={"note": note, "link": absolute(note.url)},
            kind=note.kind,
        )
        note.emailed_at = timezone.now()
        note.save(update_fields=["emailed_at"])
    return sent


def absolute(path: str) -> str:
    return settings.PORTAL_BASE_URL + path if path else settings.PORTAL_BASE_URL + "/"


def digests_order() -> int:
    """One digest item per user with notifications waiting for their daily e-mail."""
    waiting = Notification.objects.filter(channel=Channel.DIGEST, emailed_at__isnull=True)
    users = list(waiting.order_by().values_list("user_id", flat=True).distinct())
    with transaction.atomic():
        for user_id in users:
            enqueue(DIGEST, user_id=user_id)
    return len(users)


@handler(DIGEST)
def send_digest(user_id: int) -> int:
    """E-mail the user's waiting digest notifications in one letter; how many it held."""
    with transaction.atomic():
        notes = list(
            Notification.objects.select_for_update()
            .filter(user_id=user_id, channel=Channel.DIGEST, emailed_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not notes:
            return 0
        user = get_user_model().objects.get(pk=user_id)
        _send(
            user=user,
            subject=ngettext(
                "Portal notifications: %(count)d new",
                "Portal notifications: %(count)d new",
                len(notes),
            )
            % {"count": len(notes)},
            template="digest",
            context={"notes": [(note, absolute(note.url)) for note in notes]},
            kind=DIGEST_KEY,
        )
        Notification.objects.filter(pk__in=[note.pk for note in notes]).update(
            emailed_at=timezone.now()
        )
    return len(notes)
