"""Import and export of indicator values in the forms that centres keep.

The file's layout is described in ``indicator_sheet``; its checking in
``indicator_import_plan``. The preview lists every problem of the file at once (Excel's
row, the header as written, the cell as shown, the Russian reason), downloadable as the
user's file with an «Ошибка» column; a file with any problem imports nothing.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.imports import ProgressSteps, import_job_run, import_job_start
from accounts.models import ImportRecord
from accounts.services import import_record
from core.exports import table_csv, table_workbook
from core.history import audited
from core.history_bulk import bulk_create_recorded, bulk_update_recorded
from core.import_template import template_workbook
from core.services import model_update
from monitoring.models import Indicator, IndicatorValue, Period
from monitoring.services.indicator_import_plan import ImportPlan, import_plan
from monitoring.services.indicator_sheet import (
    DENOMINATOR,
    HEADER_COLUMNS,
    LONG,
    LONG_HEADERS,
    NUMERATOR,
    SCHOOL,
    WIDE,
    part_header,
)
from monitoring.services.indicators import (
    IndicatorError,
    SaveResult,
    period_check_open,
)
from outbox.services import handler
from schools.models import School

BATCH = 1000
JOB = "monitoring.indicator_import"
WRITTEN = ["value", "numerator", "denominator", "source", "entered_by", "updated_at"]


class IndicatorImportError(IndicatorError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(_("The file has errors; nothing was imported."))


def indicator_import_preview(*, data: bytes, filename: str, period=None, sheet=None) -> ImportPlan:
    """Read the file and check every cell; nothing is written."""
    return import_plan(data=data, filename=filename, period=period, sheet=sheet)


@audited
def indicator_import_apply(
    *, data: bytes, filename: str, period=None, sheet=None, by, progress=None
) -> SaveResult:
    """Import the file: every value or none; answer the created / updated / unchanged counts.

    Either way the file is recorded once (``ImportRecord``), a refused one with its errors.
    ``progress(done, total)`` counts each row twice: once checked, once written.
    """
    try:
        return _apply(
            data=data, filename=filename, period=period, sheet=sheet, by=by, progress=progress
        )
    except IndicatorImportError as error:
        import_record(
            kind=ImportRecord.Kind.INDICATOR_VALUES,
            file_name=filename,
            by=by,
            errors=len(error.problems),
        )
        raise


@transaction.atomic
def _apply(*, data, filename, period, sheet, by, progress) -> SaveResult:
    steps = ProgressSteps(progress)
    plan = import_plan(
        data=data, filename=filename, period=period, sheet=sheet, progress=steps.checked
    )
    if plan.problems:
        raise IndicatorImportError(plan.problems)
    # Hold the periods so that none is locked while the file is written.
    periods = Period.objects.select_for_update().filter(pk__in={p.period.pk for p in plan.values})
    for held in periods:
        period_check_open(held)
    steps.rows = len(plan.table.rows)
    _write(plan, by=by, progress=steps.written)
    steps.written(1, 1)
    import_record(
        kind=ImportRecord.Kind.INDICATOR_VALUES,
        file_name=filename,
        by=by,
        created=plan.counts.created,
        updated=plan.counts.updated,
        skipped=plan.counts.unchanged,
    )
    return plan.counts


def indicator_import_start(
    *, data: bytes, filename: str, period=None, sheet=None, by, rows: int, return_url
):
    """Hand the import of a big file to a worker; its page shows how it goes.

    ``rows``: the file's rows, each counted twice in the progress (checked, written).
    """
    return import_job_start(
        handler=JOB,
        kind=ImportRecord.Kind.INDICATOR_VALUES,
        file_name=filename,
        data=data,
        sheet=sheet or "",
        params={"period": period.pk if period else None},
        by=by,
        total=2 * rows,
        return_url=return_url,
    )


@handler(JOB)
def indicator_import_job(*, job_id: int):
    """The worker's side of ``indicator_import_start``."""
    return import_job_run(job_id=job_id, work=indicator_import_work)


def indicator_import_work(job, progress):
    """Import a job's file, telling ``progress(done, total)`` how far it got."""
    period_pk = job.params.get("period")
    counts = indicator_import_apply(
        data=bytes(job.data),
        filename=job.file_name,
        period=Period.objects.get(pk=period_pk) if period_pk else None,
        sheet=job.sheet or None,
        by=job.started_by,
        progress=progress,
    )
    return {"created": counts.created, "updated": counts.updated, "unchanged": counts.unchanged}


def indicator_template() -> bytes:
    """The long form with Russian headers and drop-downs of schools, indicators, periods."""
    allowed = {
        "school": list(School.objects.order_by("sort_name").values_list("short_name", flat=True)),
        "indicator": list(
            Indicator.objects.filter(is_active=True)
            .exclude(source=Indicator.Source.COMPUTED)
            .values_list("code", flat=True)
        ),
        "period": list(Period.objects.order_by("-starts_on").values_list("name", flat=True)),
    }
    return template_workbook(columns=HEADER_COLUMNS, allowed=allowed)


def _write(plan, *, by, progress):
    """Write the plan's new and changed values in bulk, with their history.

    ``progress(done, total)`` hears of the values written, a batch at a time.
    """
    now = timezone.now()
    created = [
        # By their ids: related objects cost bulk_create a check per row and relation.
        IndicatorValue(
            indicator_id=planned.indicator.pk,
            school_id=planned.school.pk,
            period_id=planned.period.pk,
            entered_by_id=by.pk if by else None,
            **_written(planned),
        )
        for planned in plan.new
    ]
    changed = []
    for stored, planned, _change in plan.changed:
        model_update(instance=stored, data=_written(planned))
        stored.entered_by = by
        stored.updated_at = now
        changed.append(stored)
    total = len(created) + len(changed)
    for start in range(0, len(created), BATCH):
        batch = created[start : start + BATCH]
        bulk_create_recorded(batch, IndicatorValue, batch_size=BATCH, by=by)
        progress(start + len(batch), total)
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        bulk_update_recorded(batch, IndicatorValue, fields=WRITTEN, batch_size=BATCH, by=by)
        progress(len(created) + start + len(batch), total)


def _written(planned) -> dict:
    return {
        "value": planned.value,
        "numerator": planned.numerator,
        "denominator": planned.denominator,
        "source": Indicator.Source.IMPORTED.value,  # a plain str goes to the database as it is
    }


def _cell(number):
    if number is None:
        return None
    return float(number) if number != number.to_integral_value() else int(number)


def indicator_export(*, period=None, form=WIDE, file_format="xlsx") -> bytes:
    """Every stored value (of one period for the wide form), in the form it is imported in."""
    rows = IndicatorValue.objects.select_related("school", "indicator", "period").order_by(
        "period__starts_on", "school__sort_name", "indicator__order"
    )
    if period is not None:
        rows = rows.filter(period=period)
    if form == LONG:
        headers = LONG_HEADERS
        table = [
            [
                v.school.short_name,
                v.indicator.code,
                v.period.name,
                _cell(v.value),
                _cell(v.numerator),
                _cell(v.denominator),
            ]
            for v in rows
        ]
    else:
        headers, table = _wide(rows)
    title = _("Indicators") if period is None else f"{_('Indicators')} {period.name}"
    if file_format == "csv":
        return table_csv(headers=headers, rows=table)
    return table_workbook(title=title, headers=headers, rows=table)


def _wide(rows):
    """One row per school; a column per indicator by name, a share's parts beside it."""
    indicators = list(
        Indicator.objects.filter(is_active=True).exclude(source=Indicator.Source.COMPUTED)
    )
    headers, cells = [SCHOOL], []
    for indicator in indicators:
        headers.append(indicator.name)
        cells.append((indicator.pk, "value"))
        if indicator.is_percent:
            headers += [part_header(indicator.name, p) for p in (NUMERATOR, DENOMINATOR)]
            cells += [(indicator.pk, "numerator"), (indicator.pk, "denominator")]
    table = defaultdict(dict)
    for v in rows:
        for part in ("value", "numerator", "denominator"):
            table[v.school.short_name][(v.indicator_id, part)] = _cell(getattr(v, part))
    return headers, [[name] + [table[name].get(c, None) for c in cells] for name in sorted(table)]
