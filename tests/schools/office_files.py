"""Files written the way municipal offices write them, built in memory with openpyxl.

A title row (merged) above the header, headers with «е» for «ё», stray spaces and varied
case, numbers stored as text, Excel dates, empty rows, a repeated row; and the same as a
Windows-1251 CSV separated by «;».
"""

import csv
import datetime
import io

from openpyxl import Workbook

TITLE = "Список педагогических работников МАОУ на 01.09.2025"
OFFICE_TEACHER_HEADERS = [
    "№ п/п",
    " ФИО ",
    "Школа",
    "предметы",
    "КВАЛИФИКАЦИОННАЯ категория",
    "9 кл.",
    "11 КЛАСС",
    "Онлайн платформы",
    "Эл. почта",
    "Тел.",
]
OFFICE_SCHOOL_HEADERS = [
    "краткое  наименование",
    "Полное наименование",
    "Нас. пункт",
    "Тип местности",
    "категория ",
    "Дата внесения",
]


def office_teacher(n, *, school="МАОУ СОШ № 1", name=None, subjects="математика", **cells):
    row = {
        "number": str(n),  # the office numbers rows as text
        "name": name or f"Учителева{n:03} Мария Ивановна",
        "school": school,
        "subjects": subjects,
        "qualification": "Высшая ",
        "grade_9": "+",
        "grade_11": 0,
        "online": "да",
        "email": "",
        "phone": "",
    }
    row.update(cells)
    return list(row.values())


def office_xlsx(headers, rows, *, title=TITLE, blank_after=(), sheet="Педагоги", before=None):
    """A workbook: a sheet of notes ``before`` if named, then the data sheet: a title, an
    empty row, the header and the rows (an empty row after each index in ``blank_after``)."""
    book = Workbook()
    first = book.active
    first.title = before or sheet
    data = book.create_sheet(sheet) if before else first
    if before:
        first.append(["Пояснения к таблице"])
    data.append([title])
    data.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    data.append([])
    data.append(headers)
    for index, row in enumerate(rows):
        data.append(row)
        if index in blank_after:
            data.append([])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def office_csv(headers, rows, *, title=TITLE):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([title] + [""] * (len(headers) - 1))
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("cp1251")


def office_school(n, *, category="ШНОР", settlement="Тобольск"):
    return [
        f"МАОУ СОШ № {n}",
        f"Муниципальное автономное общеобразовательное учреждение «СОШ № {n}»",
        settlement,
        "Сельская " if n % 2 else "городская",
        category,
        datetime.datetime(2025, 9, 1),
    ]
