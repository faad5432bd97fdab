"""The indicator catalogue of seed 001, as data.

The catalogue is loaded after every ``migrate`` by ``catalogue_sync`` (a post_migrate
handler connected in ``monitoring.apps``), so it survives regenerated migrations.
A second run only updates names and methods; values and targets are never touched.
Names are data in Russian, worded as seed 001 words them.
"""

from dataclasses import dataclass

# Kept as plain strings here so that this module is importable before the models;
# they are the values of Indicator.Unit, Indicator.Source, Indicator.Direction, Indicator.Group.
PERCENT, COUNT, NUMBER = "percent", "count", "number"
ENTERED, IMPORTED, COMPUTED = "entered", "imported", "computed"
HIGHER, LOWER = "higher", "lower"
RESULTS, OLYMPIAD, TEACHERS, NETWORK = "results", "olympiad", "teachers", "network"


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    unit: str
    source: str
    group: str
    method: str
    direction: str = HIGHER
    not_above: str = ""  # the code of an indicator this one may not exceed
    numerator_label: str = ""
    denominator_label: str = ""


CATALOGUE = [
    Entry(
        "gia_passed_share",
        "Доля учащихся, успешно сдавших государственную итоговую аттестацию",
        PERCENT,
        ENTERED,
        RESULTS,
        "Число выпускников 9 и 11 классов, успешно сдавших ГИА, делённое на число "
        "выпускников, допущенных к ГИА, × 100.",
        numerator_label="сдали успешно",
        denominator_label="допущено к ГИА",
    ),
    Entry(
        "olympiad_school_russian",
        "Количество учащихся 8–11 классов, принимающих участие в школьном этапе ВсОШ "
        "по русскому языку",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число участников школьного этапа всероссийской олимпиады школьников (8–11 классы).",
    ),
    Entry(
        "olympiad_school_math",
        "Количество учащихся 8–11 классов, принимающих участие в школьном этапе ВсОШ по математике",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число участников школьного этапа всероссийской олимпиады школьников (8–11 классы).",
    ),
    Entry(
        "olympiad_municipal_russian",
        "Количество учащихся 8–11 классов, принимающих участие в муниципальном этапе ВсОШ "
        "по русскому языку",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число участников муниципального этапа; не больше числа участников школьного этапа.",
        not_above="olympiad_school_russian",
    ),
    Entry(
        "olympiad_municipal_math",
        "Количество учащихся 8–11 классов, принимающих участие в муниципальном этапе ВсОШ "
        "по математике",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число участников муниципального этапа; не больше числа участников школьного этапа.",
        not_above="olympiad_school_math",
    ),
    Entry(
        "olympiad_winners_russian",
        "Количество учащихся 8–11 классов – победителей и призёров муниципального этапа ВсОШ "
        "по русскому языку",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число победителей и призёров; не больше числа участников муниципального этапа.",
        not_above="olympiad_municipal_russian",
    ),
    Entry(
        "olympiad_winners_math",
        "Количество учащихся 8–11 классов – победителей и призёров муниципального этапа ВсОШ "
        "по математике",
        COUNT,
        ENTERED,
        OLYMPIAD,
        "Число победителей и призёров; не больше числа участников муниципального этапа.",
        not_above="olympiad_municipal_math",
    ),
    Entry(
        "contests_share",
        "Доля учащихся 8–11 классов, принимающих участие в конкурсном и олимпиадном движении "
        "по предметам: русский язык и математика",
        PERCENT,
        ENTERED,
        OLYMPIAD,
        "Число учащихся 8–11 классов — участников конкурсов и олимпиад по русскому языку и "
        "математике, делённое на число учащихся 8–11 классов, × 100.",
        numerator_label="участников",
        denominator_label="учащихся 8–11 классов",
    ),
    Entry(
        "teachers_online_share",
        "Доля педагогических работников образовательной организации, использующих онлайн-платформы",
        PERCENT,
        COMPUTED,
        TEACHERS,
        "По реестру учителей: отмеченные «использует онлайн-платформы», делённые на всех "
        "учителей школы, × 100.",
    ),
    Entry(
        "teachers_attended_share",
        "Доля педагогов, посетивших хотя бы одно мероприятие за период",
        PERCENT,
        COMPUTED,
        TEACHERS,
        "Учителя школы с отмеченным посещением хотя бы одного мероприятия, начавшегося в "
        "периоде, делённые на всех учителей школы, × 100.",
    ),
    Entry(
        "teachers_plan_approved_share",
        "Доля педагогов с утверждённым индивидуальным планом профессионального развития",
        PERCENT,
        COMPUTED,
        TEACHERS,
        "Учителя с утверждённым планом на период, делённые на всех учителей школы, × 100. "
        "Рассчитывается, когда в портале появятся планы развития.",
    ),
    Entry(
        "network_activities_on_time",
        "Процент выполнения запланированных мероприятий дорожной карты в срок",
        PERCENT,
        COMPUTED,
        NETWORK,
        "Мероприятия дорожных карт школы со сроком в периоде (не позднее даты расчёта, без "
        "отменённых): выполненные не позже срока, делённые на все, × 100.",
    ),
    Entry(
        "network_active_participants",
        "Число активных участников сети (педагогов школы)",
        COUNT,
        COMPUTED,
        NETWORK,
        "Разные учителя школы — участники мероприятий дорожных карт со сроком в периоде, "
        "члены и руководители методических объединений, наставники и наставляемые.",
    ),
    Entry(
        "network_leaders",
        "Множественность лидеров: число педагогов, ведущих сетевое взаимодействие",
        COUNT,
        COMPUTED,
        NETWORK,
        "Разные учителя школы, руководящие методическими объединениями или ведущие "
        "наставничество в периоде.",
    ),
    Entry(
        "network_forms_diversity",
        "Разнообразие форм взаимодействия",
        COUNT,
        COMPUTED,
        NETWORK,
        "Число разных форм взаимодействия среди выполненных в периоде мероприятий дорожных "
        "карт школы.",
    ),
    Entry(
        "network_events_held_share",
        "Доля проведённых запланированных сетевых мероприятий",
        PERCENT,
        COMPUTED,
        NETWORK,
        "Опубликованные мероприятия на базе школы, начавшиеся в периоде до даты расчёта: "
        "проведённые, делённые на все (включая отменённые), × 100.",
    ),
]

BY_CODE = {entry.code: entry for entry in CATALOGUE}


def catalogue_sync(**kwargs):
    """Create or update the catalogue's indicators; safe to run after every migrate."""
    from monitoring.models import Indicator

    order = {entry.code: number for number, entry in enumerate(CATALOGUE, start=1)}
    indicators = {}
    for entry in CATALOGUE:
        indicators[entry.code], _created = Indicator.objects.update_or_create(
            code=entry.code,
            defaults={
                "name": entry.name,
                "unit": entry.unit,
                "source": entry.source,
                "group": entry.group,
                "direction": entry.direction,
                "method": entry.method,
                "numerator_label": entry.numerator_label,
                "denominator_label": entry.denominator_label,
                "order": order[entry.code],
            },
        )
    for entry in CATALOGUE:
        indicator = indicators[entry.code]
        bound = indicators.get(entry.not_above)
        if indicator.not_above_id != (bound.pk if bound else None):
            indicator.not_above = bound
            indicator.save(update_fields=["not_above"])
