"""A few reports in the list: ready, failed, and one of each kind ordered."""

from reports.models import Report
from scale.builders.base import bulk

DONE = Report.Status.DONE


def build_reports(region):
    methodologist = region.users.get("metodist")
    rows = []
    school = region.schools[0] if region.schools else None
    orders = [
        (Report.Kind.MUNICIPAL, {}, "Муниципальный отчёт мониторинга", Report.Status.FAILED),
        (Report.Kind.MUNICIPAL, {"year": region.year - 1}, "Муниципальный отчёт", DONE),
    ]
    if school is not None:
        orders.append(
            (
                Report.Kind.SCHOOL,
                {"school": school.pk},
                f"Отчёт школы {school}",
                Report.Status.FAILED,
            )
        )
    for kind, params, title, status in orders:
        rows.append(
            Report(
                kind=kind,
                params=params,
                params_key=Report.key_for(params),
                title=title,
                status=status,
                error="Сформирован генератором региона без файла."
                if status == Report.Status.FAILED
                else "",
                ordered_by=methodologist,
                started_at=region.moment(region.today),
                finished_at=region.moment(region.today, 11),
            )
        )
    bulk(Report, rows, region, "reports")
