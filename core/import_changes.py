"""What a clean import file would change, shown before anything is written."""

from dataclasses import dataclass


@dataclass
class Change:
    """A stored row that the file changes: which, and each field's old and new value."""

    row: int  # Excel's row number
    title: str
    fields: list  # (label, old, new)
