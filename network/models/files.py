"""Where the network's private files are stored: random names under network/."""

import uuid
from pathlib import Path


def _upload_to(folder, filename):
    suffix = Path(filename).suffix.lower()
    return f"network/{folder}/{uuid.uuid4().hex}{suffix}"


def evidence_path(instance, filename):
    """A random name, so that a file's address says nothing about its content."""
    return _upload_to("evidence", filename)


def agreement_path(instance, filename):
    return _upload_to("agreements", filename)
