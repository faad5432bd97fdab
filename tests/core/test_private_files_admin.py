"""Admin pages of objects with private files link them to the permission-checked views."""

from pathlib import Path

from django.core.files.base import ContentFile
from django.urls import reverse

from events.models import ContestApplication
from network.models import Stage
from tests.development.factories import PlanItemFactory
from tests.events.factories import EventFactory
from tests.network.factories import PartnershipFactory, add_activity, stage

PDF = b"%PDF-1.4 evidence"


def change_page(client, model, pk):
    return client.get(reverse(f"admin:{model}_change", args=[pk]))


def test_partnership_with_an_agreement_file(login, methodologist, school_a):
    partnership = PartnershipFactory(schools=[school_a])
    partnership.agreement_file.save("dogovor.pdf", ContentFile(PDF))

    response = change_page(login(methodologist), "network_partnership", partnership.pk)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("network:agreement", args=[partnership.pk])}"' in html
    assert Path(partnership.agreement_file.name).name in html


def test_activity_with_an_evidence_file(login, methodologist, school_a):
    partnership = PartnershipFactory(schools=[school_a])
    activity = add_activity(stage(partnership, Stage.Kind.ACQUAINTANCE))
    activity.evidence_file.save("protokol.pdf", ContentFile(PDF))

    response = change_page(login(methodologist), "network_activity", activity.pk)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("network:activity_evidence", args=[activity.pk])}"' in html
    assert Path(activity.evidence_file.name).name in html


def test_contest_application_with_its_file(login, methodologist, teacher_a):
    application = ContestApplication.objects.create(
        event=EventFactory(), teacher=teacher_a.teacher_profile, text="Заявка"
    )
    application.file.save("rabota.pdf", ContentFile(PDF))

    response = change_page(login(methodologist), "events_contestapplication", application.pk)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("events:application_file", args=[application.pk])}"' in html
    assert Path(application.file.name).name in html


def test_plan_with_an_item_evidence_file(login, methodologist):
    item = PlanItemFactory()
    item.evidence_file.save("sertifikat.pdf", ContentFile(PDF))

    response = change_page(login(methodologist), "development_developmentplan", item.plan.pk)

    assert response.status_code == 200
    assert f'href="{reverse("development:plan_evidence", args=[item.pk])}"' in (
        response.content.decode()
    )
