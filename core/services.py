"""Helpers that every app's services use."""


def model_update(*, instance, data: dict, allowed=None) -> list[str]:
    """Assign ``data`` to the instance's fields; return the names whose value changed.

    ``allowed`` names the fields a caller may change; any other key is a programming
    error. The caller validates and saves, since each model checks itself differently.
    """
    if allowed is not None:
        unknown = set(data) - set(allowed)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
