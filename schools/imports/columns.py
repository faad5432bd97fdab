"""The columns of the schools and teachers files: template headers, aliases, help."""

from django.utils.translation import gettext_lazy as _

from core.tabular import Column

SCHOOLS, TEACHERS = "schools", "teachers"

SCHOOL_COLUMNS = (
    Column(
        "short_name",
        "Краткое наименование",
        ("Краткое название", "Школа", "ОО", "Краткое наименование ОО"),
        required=True,
        help=_("The school's name as the portal shows it; the key of a repeated import."),
    ),
    Column(
        "full_name",
        "Полное наименование",
        ("Полное название", "Полное наименование ОО", "Наименование"),
        required=True,
        help=_("As in the charter."),
    ),
    Column("address", "Адрес", ("Юридический адрес", "Фактический адрес")),
    Column(
        "settlement",
        "Населённый пункт",
        ("Нас. пункт", "НП", "Населённый пункт (город, село)", "Поселение"),
        required=True,
    ),
    Column(
        "locality",
        "Тип местности",
        ("Местность", "Городская/сельская"),
        help=_("«городская» or «сельская»; empty is urban."),
    ),
    Column("director_name", "Директор", ("ФИО директора", "Руководитель")),
    Column("email", "E-mail", ("Email", "Эл. почта", "Электронная почта", "Почта")),
    Column("phone", "Телефон", ("Тел.", "Контактный телефон")),
    Column(
        "category",
        "Категория",
        ("Категория школы", "Категория поддержки"),
        required=True,
        help=_("One of the values on the template's second sheet."),
    ),
)

TEACHER_COLUMNS = (
    Column(
        "full_name",
        "ФИО",
        ("Ф.И.О.", "Фамилия, имя, отчество", "Фамилия Имя Отчество", "ФИО учителя"),
        help=_("Surname, name and patronymic in one column, or in three columns below."),
    ),
    Column("last_name", "Фамилия"),
    Column("first_name", "Имя"),
    Column("patronymic", "Отчество"),
    Column(
        "school",
        "Школа",
        ("ОО", "Образовательная организация", "Краткое наименование школы", "Учреждение"),
        required=True,
        help=_("The school's short name as in the registry."),
    ),
    Column("position", "Должность", help=_("Empty is «учитель».")),
    Column(
        "subjects",
        "Предметы",
        ("Предмет", "Преподаваемые предметы", "Преподаваемый предмет"),
        help=_("Separated by commas; names from the template's second sheet."),
    ),
    Column(
        "qualification",
        "Квалификационная категория",
        ("Категория", "Квалификация", "Кв. категория", "Квалиф. категория"),
        help=_("«нет», «первая» or «высшая»; empty is none."),
    ),
    Column("teaches_grade_9", "9 класс", ("Работает в 9 классе", "9 кл", "Выпускной 9 класс")),
    Column("teaches_grade_11", "11 класс", ("Работает в 11 классе", "11 кл", "Выпускной 11 класс")),
    Column(
        "uses_online_platforms",
        "Онлайн-платформы",
        ("Использует онлайн-платформы", "Онлайн платформы", "Цифровые платформы"),
        help=_("«да» or «нет» (also «+», «1»); empty is no."),
    ),
    Column(
        "email",
        "E-mail",
        ("Email", "Эл. почта", "Электронная почта", "Почта"),
        help=_(
            "Tells namesakes in one school apart; after the personnel number, the key of a "
            "repeated import."
        ),
    ),
    Column("phone", "Телефон", ("Тел.", "Мобильный телефон", "Контактный телефон")),
    Column(
        "birth_date",
        "Дата рождения",
        ("Дата рожд.", "Д.р.", "Дата рождения (дд.мм.гггг)"),
        help=_("A date such as 31.12.1980 or an Excel date; tells namesakes apart."),
    ),
    Column(
        "personnel_number",
        "Табельный номер",
        ("Таб. номер", "Таб. №", "Табельный №", "Табельный"),
        help=_(
            "As in the school's personnel records, kept as typed (00123); the surest key of a "
            "repeated import: a teacher whose name changed is found by it."
        ),
    ),
)

# A teacher's name in one column, or the surname and name in their own.
TEACHER_NAME = (("full_name",), ("last_name", "first_name"))

COLUMNS = {SCHOOLS: SCHOOL_COLUMNS, TEACHERS: TEACHER_COLUMNS}
ALTERNATIVES = {SCHOOLS: (), TEACHERS: TEACHER_NAME}
