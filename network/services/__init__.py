"""Every change to the network goes through these functions."""

from network.errors import NetworkError
from network.services.items import (
    activity_complete,
    activity_create,
    activity_update,
    problem_create,
    problem_record_outcome,
    problem_update,
    roadmap_conclude,
)
from network.services.partnerships import (
    partnership_check,
    partnership_create,
    partnership_update,
    roadmap_ensure,
)
from network.services.stages import (
    stage_accept,
    stage_comment,
    stage_require_editable,
    stage_return,
    stage_submit,
)

__all__ = [
    "NetworkError",
    "activity_complete",
    "activity_create",
    "activity_update",
    "partnership_check",
    "partnership_create",
    "partnership_update",
    "problem_create",
    "problem_record_outcome",
    "problem_update",
    "roadmap_conclude",
    "roadmap_ensure",
    "stage_accept",
    "stage_comment",
    "stage_require_editable",
    "stage_return",
    "stage_submit",
]
