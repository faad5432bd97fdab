"""The allowed values that the templates' drop-down lists offer."""

from schools.imports.columns import SCHOOLS
from schools.models import School, Subject

YES_NO = ["да", "нет"]


def allowed_values(kind) -> dict:
    if kind == SCHOOLS:
        return {
            "category": [str(label) for label in School.Category.labels],
            "locality": ["городская", "сельская"],
        }
    return {
        "school": list(School.objects.order_by("sort_name").values_list("short_name", flat=True)),
        "subjects": list(Subject.objects.values_list("name", flat=True)),
        "qualification": ["нет", "первая", "высшая"],
        "teaches_grade_9": YES_NO,
        "teaches_grade_11": YES_NO,
        "uses_online_platforms": YES_NO,
    }


# A teacher teaches several subjects: the list suggests, but other text is allowed.
FREE = ("subjects",)

# Excel's number formats of the template's columns.
FORMATS = {"personnel_number": "@", "birth_date": "DD.MM.YYYY"}
