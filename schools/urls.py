from django.urls import path

from schools import import_views, views

app_name = "schools"
urlpatterns = [
    path("", views.school_list, name="list"),
    path("mine/", views.my_school, name="mine"),
    path("suggest/", views.school_suggest, name="suggest"),
    path("<int:pk>/", views.school_detail, name="detail"),
    path("<int:pk>/teachers/", views.teacher_list, name="teachers"),
    path("<int:pk>/teachers/<int:teacher_pk>/edit/", views.teacher_edit, name="teacher_edit"),
    path("import/<slug:kind>/", import_views.import_upload, name="import"),
    path("import/<slug:kind>/errors/", import_views.import_errors, name="import_errors"),
    path("import/<slug:kind>/confirm/", import_views.import_confirm, name="import_confirm"),
    path("import/<slug:kind>/template/", import_views.import_template, name="import_template"),
]
