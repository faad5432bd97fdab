from .community import Mentorship, MethodicalAssociation
from .partnerships import Partnership, RiskFactor
from .roadmaps import Activity, Problem, Roadmap, Stage, StageComment

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
