"""Where the bank's and the discussions' private files are stored: random names."""

import uuid
from pathlib import Path


def _upload_to(folder, filename):
    suffix = Path(filename).suffix.lower()
    return f"practices/{folder}/{uuid.uuid4().hex}{suffix}"


def practice_file_path(instance, filename):
    return _upload_to("files", filename)


def post_file_path(instance, filename):
    return _upload_to("posts", filename)
