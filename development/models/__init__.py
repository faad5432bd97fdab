"""Development plans of teachers and the diagnostics questionnaires they draw on."""

from development.models.plans import (
    DevelopmentPlan,
    PlanComment,
    PlanItem,
    PlanTemplate,
    PlanTemplateItem,
)
from development.models.questionnaires import (
    Answer,
    Difficulty,
    Questionnaire,
    Response,
    Section,
)

__all__ = [
    "Answer",
    "DevelopmentPlan",
    "Difficulty",
    "PlanComment",
    "PlanItem",
    "PlanTemplate",
    "PlanTemplateItem",
    "Questionnaire",
    "Response",
    "Section",
]
