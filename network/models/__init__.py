from network.models.community import Mentorship, MethodicalAssociation
from network.models.partnerships import Partnership, RiskFactor
from network.models.roadmaps import Activity, Problem, Roadmap, Stage, StageComment

__all__ = [
    "Activity",
    "Mentorship",
    "MethodicalAssociation",
    "Partnership",
    "Problem",
    "RiskFactor",
    "Roadmap",
    "Stage",
    "StageComment",
]
