from .community import MethodicalAssociation, Mentorship
from .partnerships import Partnership, RiskFactor
from .roadmaps import Activity, Problem, Roadmap, Stage, StageComment

__all__ = [
    "Activity",
    "MethodicalAssociation",
    "Mentorship",
    "Partnership",
    "Problem",
    "RiskFactor",
    "Roadmap",
    "Stage",
    "StageComment",
]
