"""The bell, the list, opening and reading, settings and one-click unsubscribe."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Channel, Kind, Notification, Preference
from notifications.services import (
    digests_order,
    notify,
    send_digest,
    unsubscribe_token,
)

pytestmark = pytest.mark.django_db


def note_for(user, title="Этап ждёт проверки", url="/network/", kind=Kind.STAGE_SUBMITTED):
    return notify([user], kind=kind, title=title, url=url)[0]


def test_the_bell_counts_unread_notifications(login, director_a, director_b):
    note_for(director_a)
    note_for(director_a)
    note_for(director_b)
    client = login(director_a)
    assert client.get(reverse("notifications:unread")).json() == {"unread": 2}
    page = client.get(reverse("home")).content.decode()
    assert 'id="bell"' in page and reverse("notifications:unread") in page


def test_the_list_shows_mine_only_with_an_empty_state(login, director_a, director_b):
    client = login(director_a)
    empty = client.get(reverse("notifications:list")).content.decode()
    assert "Уведомлений пока нет" in empty
    note_for(director_b, title="Чужое уведомление")
    note_for(director_a, title="Моё уведомление")
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Моё уведомление" in page and "Чужое уведомление" not in page


def test_opening_a_notification_marks_it_read_and_goes_to_its_object(login, director_a):
    note = note_for(director_a, url="/network/partnerships/7/#stage-2")
    response = login(director_a).post(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/network/partnerships/7/#stage-2"
    note.refresh_from_db()
    assert note.read_at is not None


def test_mark_as_read_stays_on_the_list(login, director_a):
    note = note_for(director_a)
    response = login(director_a).post(reverse("notifications:open", args=[note.pk]), {"stay": "1"})
    assert response["Location"] == reverse("notifications:list")


def test_a_link_elsewhere_is_not_followed(login, director_a):
    note = note_for(director_a, url="https://evil.example.org/")
    response = login(director_a).post(reverse("notifications:open", args=[note.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_someone_elses_notification_is_404(login, director_a, director_b):
    note = note_for(director_b)
    response = login(director_a).post(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_as_read(login, director_a, director_b):
    note_for(director_a)
    note_for(director_a)
    other = note_for(director_b)
    response = login(director_a).post(reverse("notifications:read_all"), follow=True)
    assert "2 уведомления отмечены прочитанными" in response.content.decode()
    assert not Notification.objects.filter(user=director_a, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


@pytest.mark.parametrize(
    "name", ["list", "unread", "preferences"], ids=["list", "unread", "preferences"]
)
def test_anonymous_is_sent_to_log_in(client, name):
    response = client.get(reverse(f"notifications:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_list_pages_with_a_bounded_number_of_queries(
    login, director_a, django_assert_max_num_queries
):
    for i in range(60):
        note_for(director_a, title=f"Уведомление {i}")
    client = login(director_a)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notifications:list")).content.decode()
    assert "Уведомление 59" in page and "Уведомление 0<" not in page
    assert "?page=2" in page


def test_settings_choose_a_channel_per_kind(login, director_a, django_capture_on_commit_callbacks):
    data = dict.fromkeys(Kind.values, Channel.EMAIL)
    data[Kind.STAGE_SUBMITTED] = Channel.PORTAL
    data[Kind.PLAN_SUBMITTED] = Channel.DIGEST
    response = login(director_a).post(reverse("notifications:preferences"), data, follow=True)
    assert "Настройки уведомлений сохранены" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        note_for(director_a, kind=Kind.STAGE_SUBMITTED)
        note_for(director_a, kind=Kind.PLAN_SUBMITTED, title="План ждёт согласования")
        note_for(director_a, kind=Kind.PLAN_SUBMITTED, title="Второй план ждёт")
        note_for(director_a, kind=Kind.REPORT_DONE, title="Отчёт готов")
    assert [m.subject for m in mail.outbox] == ["Отчёт готов"]

    with django_capture_on_commit_callbacks(execute=True):
        assert digests_order() == 1
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.subject == "Уведомления портала: 2 новых"
    assert "План ждёт согласования" in digest.body and "Второй план ждёт" in digest.body
    assert send_digest(user_id=director_a.pk) == 0  # nothing waits any more


def test_a_refused_channel_is_a_form_error(login, director_a):
    data = dict.fromkeys(Kind.values, "pigeon")
    response = login(director_a).post(reverse("notifications:preferences"), data)
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Preference.objects.exists()


def test_one_click_unsubscribe_from_the_mail_header(client, director_a):
    token = unsubscribe_token(director_a, Kind.STAGE_RETURNED)
    url = reverse("notifications:unsubscribe", args=[token])
    page = client.get(url).content.decode()
    assert "Больше не присылать эти уведомления по почте?" in page

    response = client.post(url)  # no session, no CSRF token: RFC 8058
    assert response.status_code == 200
    assert "Этап дорожной карты возвращён на доработку" in response.content.decode()
    assert Preference.objects.get(user=director_a, kind=Kind.STAGE_RETURNED).channel == "portal"


def test_a_forged_unsubscribe_link_is_refused(client, director_a):
    token = unsubscribe_token(director_a, Kind.STAGE_RETURNED)[:-2] + "xx"
    response = client.post(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "ссылка для отписки недействительна" in response.content.decode()
    assert not Preference.objects.exists()


def test_the_digest_unsubscribe_switches_every_digest_kind_off(
    client, director_a, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=director_a, kind=Kind.PLAN_SUBMITTED, channel="digest")
    Preference.objects.create(user=director_a, kind=Kind.REPORT_DONE, channel="digest")
    note_for(director_a, kind=Kind.PLAN_SUBMITTED)
    send_digest(user_id=director_a.pk)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    client.post(link)
    channels = set(Preference.objects.filter(user=director_a).values_list("channel", flat=True))
    assert channels == {"portal"}


def test_a_mail_is_sent_once_however_often_its_item_runs(director_a):
    from notifications.services import send_notification_email

    note = note_for(director_a)
    assert send_notification_email(notification_id=note.pk) is True
    assert send_notification_email(notification_id=note.pk) is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.startswith("Здравствуйте")
