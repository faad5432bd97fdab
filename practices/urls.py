from django.urls import path

from practices import views

app_name = "practices"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("add/", views.practice_add, name="add"),
    path("<int:pk>/", views.practice_detail, name="detail"),
    path("<int:pk>/edit/", views.practice_edit, name="edit"),
    path("<int:pk>/files/add/", views.practice_file_add, name="file_add"),
    path("files/<int:pk>/", views.practice_file, name="file"),
    path("<int:pk>/useful/", views.practice_useful, name="useful"),
    path("<int:pk>/submit/", views.practice_submit, name="submit"),
    path("<int:pk>/publish/", views.practice_publish, name="publish"),
    path("<int:pk>/return/", views.practice_return, name="return"),
    path("<int:pk>/comment/", views.practice_comment, name="comment"),
    path("<int:pk>/withdraw/", views.practice_withdraw, name="withdraw"),
    path("from-activity/<int:pk>/", views.practice_from_activity, name="from_activity"),
    path("from-event/<int:pk>/", views.practice_from_event, name="from_event"),
    path("schools/<int:pk>/", views.school_page, name="school"),
    path("associations/<int:pk>/", views.association_page, name="association"),
    path("associations/<int:pk>/posts/add/", views.post_add, name="post_add"),
    path("posts/<int:pk>/comment/", views.post_comment, name="post_comment"),
    path("posts/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
    path("posts/<int:pk>/file/", views.post_file, name="post_file"),
    path("comments/<int:pk>/moderate/", views.comment_moderate, name="comment_moderate"),
]
