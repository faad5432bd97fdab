"""A query string with NUL or control characters answers 400, never 500."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("events:verify", {"code": "\x00"}),
        ("events:list", {"q": "семинар\x00"}),
        ("development:plan_list", {"q": "\x00"}),
        ("schools:list", {"q": "\x1b[31m"}),
        ("events:list", {"\x00": "1"}),
    ],
)
def test_control_characters_in_the_query_answer_400(login, methodologist, name, query):
    response = login(methodologist).get(reverse(name), query)

    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_ordinary_text_with_tabs_and_cyrillic_passes(login, methodologist):
    response = login(methodologist).get(reverse("events:list"), {"q": "семинар\tматематика"})

    assert response.status_code == 200
