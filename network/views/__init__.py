from network.views.community import association_detail, association_list, mentorship_list
from network.views.items import (
    activity_add,
    activity_complete,
    activity_edit,
    activity_evidence,
    problem_add,
    problem_edit,
    problem_outcome,
    roadmap_conclusion,
)
from network.views.partnerships import (
    agreement_download,
    partnership_create,
    partnership_list,
    partnership_list_export,
    roadmap,
    roadmap_export,
)
from network.views.stages import stage_accept, stage_comment, stage_return, stage_submit

__all__ = [
    "activity_add",
    "activity_complete",
    "activity_edit",
    "activity_evidence",
    "agreement_download",
    "association_detail",
    "association_list",
    "mentorship_list",
    "partnership_create",
    "partnership_list",
    "partnership_list_export",
    "problem_add",
    "problem_edit",
    "problem_outcome",
    "roadmap",
    "roadmap_conclusion",
    "roadmap_export",
    "stage_accept",
    "stage_comment",
    "stage_return",
    "stage_submit",
]
