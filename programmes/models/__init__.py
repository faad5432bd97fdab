from programmes.models.documents import (
    Curatorship,
    ProfileEntry,
    Programme,
    ProgrammeEntry,
    RiskAssessment,
    RiskProfile,
)
from programmes.models.measures import (
    Measure,
    MeasureProgress,
    Module,
    MonitoringRound,
    RiskProgramme,
)

__all__ = [
    "Curatorship",
    "Measure",
    "MeasureProgress",
    "Module",
    "MonitoringRound",
    "ProfileEntry",
    "Programme",
    "ProgrammeEntry",
    "RiskAssessment",
    "RiskProfile",
    "RiskProgramme",
]
