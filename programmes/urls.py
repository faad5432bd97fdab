from django.urls import path

from programmes.views import curators, documents, exports, lists, monitoring, review

app_name = "programmes"

urlpatterns = [
    path("", documents.mine, name="mine"),
    path("start/", documents.start, name="start"),
    path("curator/", lists.curator_list, name="curator"),
    path("summary/", lists.summary_view, name="summary"),
    path("curators/", curators.curators, name="curators"),
    path("school/<int:pk>/curator/", curators.curator_assign, name="curator_assign"),
    path("<int:pk>/", documents.detail, name="detail"),
    path("<int:pk>/profile/", documents.profile_edit, name="profile_edit"),
    path("<int:pk>/goal/", documents.programme_edit, name="programme_edit"),
    path("<int:pk>/export.pdf", exports.export_pdf, name="export_pdf"),
    path("<int:pk>/export.docx", exports.export_docx, name="export_docx"),
    path("<int:pk>/monitoring/<slug:stage>/", monitoring.monitoring_enter, name="monitoring"),
    path("risk/<int:pk>/", documents.risk_edit, name="risk_edit"),
    path("risk/<int:pk>/measure/", documents.measure_add, name="measure_add"),
    path("measure/<int:pk>/", documents.measure_edit, name="measure_edit"),
    path("round/<int:pk>/conclusion/", monitoring.monitoring_conclude, name="conclude"),
]

for document in ("profile", "programme"):
    for move in ("submit", "accept", "return", "comment"):
        urlpatterns.append(
            path(
                f"<int:pk>/{document}/{move}/",
                getattr(review, f"{document}_{move}"),
                name=f"{document}_{move}",
            )
        )
