from .models import School


def school_of(user) -> School | None:
    """The school a director or teacher belongs to, through their registry entry."""
    if not user.is_authenticated:
        return None
    profile = getattr(user, "teacher_profile", None)
    return profile.school if profile is not None else None


def school_id_of(user) -> int | None:
    if not user.is_authenticated:
        return None
    profile = getattr(user, "teacher_profile", None)
    return profile.school_id if profile is not None else None
