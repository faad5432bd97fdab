from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def test_certificate_pdf_has_the_name_the_event_and_the_code(
    login, teacher_a, attended_registration
):
    response = login(teacher_a).get(reverse("events:certificate", args=[attended_registration.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595  # A4 portrait in points
    text = " ".join(page.extract_text().split())
    teacher = attended_registration.teacher
    assert teacher.full_name in text
    assert attended_registration.event.title in text
    assert attended_registration.certificate.code in text


def test_no_certificate_without_attendance(login, teacher_a, past_event):
    from tests.events.factories import RegistrationFactory

    registration = RegistrationFactory(event=past_event, teacher=teacher_a.teacher_profile)
    url = reverse("events:certificate", args=[registration.pk])
    assert login(teacher_a).get(url).status_code in (403, 404)


def test_verification_page_confirms_a_good_code(login, attended_registration):
    code = attended_registration.certificate.code
    page = login(None).get(reverse("events:verify"), {"code": code.lower()}).content.decode()
    assert f"Сертификат {code} подлинный" in page
    assert attended_registration.teacher.full_name in page
    assert attended_registration.event.title in page


def test_verification_page_says_nothing_for_a_wrong_code(login, attended_registration):
    page = login(None).get(reverse("events:verify"), {"code": "AAAAAA-BBBBBB-CCCCCC"})
    text = page.content.decode()
    assert "Сертификат с таким кодом не выдавался" in text
    assert attended_registration.teacher.full_name not in text
