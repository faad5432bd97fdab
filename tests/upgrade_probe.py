"""Run by tests/test_upgrade.py inside one tree of the portal (the working directory).

``create OUT``: with the code of bd1ba2e, add data beyond the demo and write what it made.
``check IN OUT``: with whatever code is in the tree, log in as each demo user, read the
pages by their old paths and write every failure found (it never stops at the first).
Only Django itself and the JSON are used in ``check``, so it runs on any tree.
"""

import hashlib
import json
import os
import sys
from datetime import timedelta

sys.path[0] = os.getcwd()  # the tree's code, not this folder's
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
LOGINS = ["metodist", "koordinator", "direktor", "direktor2", "uchitel"]


def sha(data):
    return hashlib.sha256(data).hexdigest()


def create():
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from accounts.models import User
    from events.models import Event
    from monitoring.models import Report
    from monitoring.services.plans import (
        plan_approve,
        plan_create,
        plan_item_add,
        plan_item_complete,
        plan_submit,
    )
    from monitoring.services.reports import report_order
    from network.models import Activity, Partnership
    from network.services import partnership_update
    from schools.models import Teacher
    from schools.resources import current_academic_year

    users = {name: User.objects.get(username=name) for name in LOGINS}
    director = users["direktor"]
    school = director.teacher_profile.school
    event = (
        Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__gte=timezone.now())
        .order_by("starts_at", "pk")
        .first()
    )
    reports = [
        report_order(kind="school", params={"school": school.pk}, by=director),
        report_order(kind="event", params={"event": event.pk}, by=users["metodist"]),
    ]
    for report in reports:
        report.refresh_from_db()
        if report.status != Report.Status.DONE or not report.file:
            raise SystemExit(f"report {report.pk} is {report.status}: {report.error}")

    teacher = Teacher.objects.get(user=users["uchitel"])
    year = current_academic_year() + 1
    plan = plan_create(
        teacher=teacher, year=year, theme="Проверка обновления: план с файлом", by=teacher.user
    )
    item = plan_item_add(
        plan=plan, kind="self_education", title="Конспект для проверки обновления",
        due_date=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    evidence = PDF + b"% plan item evidence\n"
    item = plan_item_complete(
        item=item, result="Готово", evidence_file=ContentFile(evidence, name="konspekt.pdf")
    )
    plan_submit(plan=plan, by=teacher.user)
    plan_approve(plan=plan, by=director, comment="Утверждаю.")

    partnership = Partnership.objects.get(agreement_number="ДС-01/2025")
    agreement = PDF + b"% agreement\n"
    partnership_update(
        partnership=partnership,
        data={"agreement_file": ContentFile(agreement, name="dogovor.pdf")},
        schools=list(partnership.schools.all()),
        by=users["metodist"],
    )
    activity = Activity.objects.exclude(evidence_file="").order_by("pk").first()
    with activity.evidence_file.open("rb") as handle:
        activity_sha = sha(handle.read())
    start = timezone.localtime(event.starts_at)
    return {
        "reports": [{"pk": r.pk, "title": r.title, "file": r.file.name} for r in reports],
        "school": school.short_name,
        "event": {"title": event.title, "year": start.year, "month": start.month},
        "plan": {"pk": plan.pk, "theme": plan.theme, "year": year},
        "item": {"pk": item.pk, "file": item.evidence_file.name, "sha": sha(evidence)},
        "partnership": {"pk": partnership.pk, "title": partnership.title, "sha": sha(agreement)},
        "activity": {"pk": activity.pk, "sha": activity_sha},
    }


def fetch(client, path):
    """Status, body and the redirects followed, of a GET by a logged-in client."""
    response = client.get(path, follow=True)
    if response.streaming:
        body = b"".join(response.streaming_content)
        response.close()
    else:
        body = response.content
    hops = " -> ".join(url for url, _ in response.redirect_chain)
    return response.status_code, body, f" (redirected: {hops})" if hops else ""


def problem(body, kind, expected):
    """What is wrong with a page's body, or None."""
    from django.utils.html import escape

    if kind == "pdf" and not body.startswith(b"%PDF"):
        return f"not a PDF: {body[:40]!r}"
    if kind == "file" and sha(body) != expected:
        return f"the file's bytes differ ({len(body)} bytes)"
    if kind == "text":
        # Names are shown with a non-breaking space after «№»; a reader sees a space.
        text = body.decode("utf-8", "replace").replace("\u00a0", " ").replace("&nbsp;", " ")
        if expected not in text and escape(expected) not in text:
            return f"{expected!r} is not on the page"
    return None


def check(made):
    import re

    from django.contrib.auth import get_user_model
    from django.test import Client

    reports, event, plan = made["reports"], made["event"], made["plan"]
    item, partnership, activity = made["item"], made["partnership"], made["activity"]
    listed = [("/monitoring/reports/", "text", r["title"]) for r in reports]
    pdfs = [(f"/monitoring/reports/{r['pk']}/download/", "pdf", None) for r in reports]
    plan_page = (f"/monitoring/plans/{plan['pk']}/", "text", plan["theme"])
    evidence = (f"/monitoring/plans/items/{item['pk']}/evidence/", "file", item["sha"])
    agreement = (
        f"/network/partnerships/{partnership['pk']}/agreement/",
        "file",
        partnership["sha"],
    )
    proof = (f"/network/activities/{activity['pk']}/evidence/", "file", activity["sha"])
    network = ("/network/", "text", partnership["title"])
    calendar = (f"/events/?year={event['year']}&month={event['month']}", "text", event["title"])
    school = made["school"]
    pages = {
        "metodist": [("/admin/", "admin", None), *listed, *pdfs, plan_page, evidence, network],
        "koordinator": [*listed, *pdfs, ("/monitoring/dashboards/", "text", school), agreement,
                        network],
        "direktor": [network, agreement, proof, plan_page, evidence, listed[0], pdfs[0],
                     ("/monitoring/indicators/", "text", school)],
        "direktor2": [network, proof],
        "uchitel": [("/monitoring/plans/my/", "text", plan["theme"]), plan_page, evidence],
    }  # fmt: skip
    failures, admin_links = [], []
    for username, checks in pages.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(get_user_model().objects.get(username=username))
        queue = [*checks, calendar]
        for path, kind, expected in queue:  # the admin's changelists join the queue
            try:
                status, body, hops = fetch(client, path)
            except Exception as error:  # one broken page must not hide the others
                failures.append(f"{username} GET {path}: raised {error!r}")
                continue
            wrong = f"status {status}" if status != 200 else problem(body, kind, expected)
            if wrong:
                failures.append(f"{username} GET {path}{hops}: {wrong}")
            elif kind == "admin":
                admin_links = sorted(set(re.findall(r'href="(/admin/\w+/\w+/)"', body.decode())))
                queue += [(link, None, None) for link in admin_links]
                if not admin_links:
                    failures.append(f"{username} GET {path}: no model is listed")
    models = sorted({link.rstrip("/").rsplit("/", 1)[-1] for link in admin_links})
    return {"failures": failures, "admin_models": models}


if __name__ == "__main__":
    if sys.argv[1] == "create":
        result = create()
    else:
        with open(sys.argv[2], encoding="utf-8") as handle:
            result = check(json.load(handle))
    with open(sys.argv[-1], "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
