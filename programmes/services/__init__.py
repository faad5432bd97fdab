from programmes.services.curators import curator_assign
from programmes.services.documents import (
    measure_create,
    measure_update,
    profile_update,
    programme_start,
    programme_update,
    risk_update,
)
from programmes.services.monitoring import monitoring_conclude, monitoring_enter
from programmes.services.review import (
    profile_accept,
    profile_comment,
    profile_return,
    profile_submit,
    programme_accept,
    programme_comment,
    programme_return,
    programme_submit,
)

__all__ = [
    "curator_assign",
    "measure_create",
    "measure_update",
    "monitoring_conclude",
    "monitoring_enter",
    "profile_accept",
    "profile_comment",
    "profile_return",
    "profile_submit",
    "profile_update",
    "programme_accept",
    "programme_comment",
    "programme_return",
    "programme_start",
    "programme_submit",
    "programme_update",
    "risk_update",
]
