from django.core import mail
from django.urls import reverse

from tests.accounts.factories import UserFactory


def test_login_page_is_in_russian(client, db):
    html = client.get(reverse("login")).content.decode()

    assert "Вход в портал" in html
    assert "Имя пользователя" in html
    assert 'lang="ru"' in html


def test_login_with_good_and_bad_password(client, db):
    UserFactory(username="ivanova")

    bad = client.post(reverse("login"), {"username": "ivanova", "password": "wrong"})
    good = client.post(reverse("login"), {"username": "ivanova", "password": "pass12345"})

    assert "Пожалуйста, введите правильные имя пользователя и пароль" in bad.content.decode()
    assert good.status_code == 302 and good["Location"] == reverse("home")


def test_logout_is_post_only(login, teacher_a):
    client = login(teacher_a)

    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("schools:list")).status_code == 302


def test_password_change(login, teacher_a):
    response = login(teacher_a).post(
        reverse("password_change"),
        {
            "old_password": "pass12345",
            "new_password1": "Nov-parol-2026",
            "new_password2": "Nov-parol-2026",
        },
    )

    assert response.status_code == 302
    teacher_a.refresh_from_db()
    assert teacher_a.check_password("Nov-parol-2026")


def test_password_reset_sends_a_russian_letter(client, db):
    UserFactory(username="petrova", email="petrova@example.org")

    response = client.post(reverse("password_reset"), {"email": "petrova@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body
    assert "Вы получили это письмо" in mail.outbox[0].body


def test_home_page_per_role_shows_real_data(login, cast, school_a):
    director_home = login(cast["director_a"]).get(reverse("home")).content.decode()
    methodologist_home = login(cast["methodologist"]).get(reverse("home")).content.decode()
    anonymous_home = login(None).get(reverse("home")).content.decode()

    assert str(school_a) in director_home
    assert "Проверить список учителей" in director_home
    assert "Муниципалитет" in methodologist_home
    assert "2 школы" in methodologist_home
    assert "Войти" in anonymous_home
