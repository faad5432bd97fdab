"""Build spreadsheet files in memory, the way a methodologist's office sends them."""

import csv
import io

from openpyxl import Workbook, load_workbook

SCHOOL_HEADERS = [
    "Краткое наименование",
    "Полное наименование",
    "Адрес",
    "Населённый пункт",
    "Тип местности",
    "Директор",
    "E-mail",
    "Категория",
]
TEACHER_HEADERS = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Школа",
    "Должность",
    "Предметы",
    "Квалификационная категория",
    "9 класс",
    "11 класс",
    "Онлайн-платформы",
    "E-mail",
]


def xlsx_bytes(headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers, rows, *, encoding="cp1251", delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def read_xlsx(data):
    sheet = load_workbook(io.BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def school_row(short="МАОУ СОШ № 7", category="ШНОР", email="sosh7@example.org"):
    return [
        short,
        f"Муниципальное автономное общеобразовательное учреждение «{short}»",
        "г. Тобольск, ул. Ленина, 1",
        "Тобольск",
        "городская",
        "Петрова Анна Ивановна",
        email,
        category,
    ]


def teacher_row(last="Смирнова", school="МАОУ СОШ № 7", email="smirnova@example.org"):
    return [last, "Ольга", "Петровна", school, "учитель", "Математика", "первая", "да", "нет"] + [
        "да",
        email,
    ]
