"""The reference list of risk factors of the "500+" risk profile, kept by the centre."""

from django.db import migrations

RISK_FACTORS = [
    "Низкий уровень оснащения школы",
    "Дефицит педагогических кадров",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Риски низкой адаптивности учебного процесса",
    "Несформированность внутришкольной системы повышения квалификации",
    "Высокая доля обучающихся с рисками учебной неуспешности",
    "Низкое качество преодоления языковых и культурных барьеров",
    "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Высокая доля обучающихся с ОВЗ",
    "Низкий уровень вовлечённости родителей",
]


def add_risk_factors(apps, schema_editor):
    RiskFactor = apps.get_model("network", "RiskFactor")
    for order, name in enumerate(RISK_FACTORS, start=1):
        RiskFactor.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(add_risk_factors, migrations.RunPython.noop)]
