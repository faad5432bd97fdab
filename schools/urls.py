from django.urls import path

from schools import views

app_name = "schools"
urlpatterns = [
    path("", views.school_list, name="list"),
    path("mine/", views.my_school, name="mine"),
    path("<int:pk>/", views.school_detail, name="detail"),
    path("<int:pk>/teachers/", views.teacher_list, name="teachers"),
    path("<int:pk>/teachers/<int:teacher_pk>/edit/", views.teacher_edit, name="teacher_edit"),
]
