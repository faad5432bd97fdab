import factory

from reports.models import Report


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    kind = Report.Kind.SCHOOL
    params = factory.LazyAttribute(lambda r: {})
    params_key = factory.LazyAttribute(lambda r: Report.key_for(r.params))
    title = "Отчёт"
