from django.urls import path

from development.views import plan_items, plan_lists, plans, questionnaires

app_name = "development"

urlpatterns = [
    # development plans (plans area)
    path("plans/", plan_lists.plan_list, name="plan_list"),
    path("plans/export.xlsx", plan_lists.plan_export, name="plan_export"),
    path("plans/schools/", plan_lists.plan_summary, name="plan_summary"),
    path("plans/my/", plans.my_plans, name="plan_mine"),
    path("plans/new/", plans.plan_create_view, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/submit/", plans.plan_submit_view, name="plan_submit"),
    path("plans/<int:pk>/approve/", plans.plan_approve_view, name="plan_approve"),
    path("plans/<int:pk>/return/", plans.plan_return_view, name="plan_return"),
    path("plans/<int:pk>/complete/", plans.plan_complete_view, name="plan_complete"),
    path("plans/<int:pk>/comment/", plans.plan_comment_view, name="plan_comment"),
    path("plans/<int:pk>/items/", plan_items.item_add, name="plan_item_add"),
    path("plans/<int:pk>/items/event/", plan_items.item_add_event, name="plan_item_add_event"),
    path("plans/items/<int:pk>/edit/", plan_items.item_edit, name="plan_item_edit"),
    path("plans/items/<int:pk>/complete/", plan_items.item_complete, name="plan_item_complete"),
    path("plans/items/<int:pk>/reopen/", plan_items.item_reopen, name="plan_item_reopen"),
    path("plans/items/<int:pk>/cancel/", plan_items.item_cancel, name="plan_item_cancel"),
    path("plans/items/<int:pk>/delete/", plan_items.item_delete, name="plan_item_delete"),
    path("plans/items/<int:pk>/evidence/", plan_items.evidence_download, name="plan_evidence"),
    # diagnostics of professional difficulties (plans area)
    path("diagnostics/", questionnaires.questionnaire_list, name="questionnaire_list"),
    path(
        "diagnostics/<int:pk>/answer/",
        questionnaires.questionnaire_answer,
        name="questionnaire_answer",
    ),
    path(
        "diagnostics/<int:pk>/results/",
        questionnaires.questionnaire_results_view,
        name="questionnaire_results",
    ),
    path(
        "diagnostics/<int:pk>/results.xlsx",
        questionnaires.questionnaire_export,
        name="questionnaire_export",
    ),
    path("diagnostics/responses/<int:pk>/", questionnaires.response_detail, name="response_detail"),
]
