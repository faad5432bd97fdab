"""The registry import's outbox handler, imported here for the worker."""

from schools.imports.services import registry_import_job

__all__ = ["registry_import_job"]
