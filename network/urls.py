from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("export/", views.partnership_list_export, name="list_export"),
    path("partnerships/add/", views.partnership_create, name="partnership_add"),
    path("partnerships/<int:pk>/", views.roadmap, name="roadmap"),
    path("partnerships/<int:pk>/export/", views.roadmap_export, name="roadmap_export"),
    path("partnerships/<int:pk>/agreement/", views.agreement_download, name="agreement"),
    path("partnerships/<int:pk>/problems/add/", views.problem_add, name="problem_add"),
    path("partnerships/<int:pk>/conclusion/", views.roadmap_conclusion, name="conclusion"),
    path("problems/<int:pk>/edit/", views.problem_edit, name="problem_edit"),
    path("problems/<int:pk>/outcome/", views.problem_outcome, name="problem_outcome"),
    path("stages/<int:pk>/submit/", views.stage_submit, name="stage_submit"),
    path("stages/<int:pk>/accept/", views.stage_accept, name="stage_accept"),
    path("stages/<int:pk>/return/", views.stage_return, name="stage_return"),
    path("stages/<int:pk>/comment/", views.stage_comment, name="stage_comment"),
    path("stages/<int:pk>/activities/add/", views.activity_add, name="activity_add"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/complete/", views.activity_complete, name="activity_complete"),
    path("activities/<int:pk>/evidence/", views.activity_evidence, name="activity_evidence"),
    path("associations/", views.association_list, name="associations"),
    path("associations/<int:pk>/", views.association_detail, name="association"),
    path("mentorships/", views.mentorship_list, name="mentorships"),
]
