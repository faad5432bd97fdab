"""PDF reports: what each kind contains, how it is rendered, and what it may load.

Importing the package registers every kind in ``kinds.KINDS``.
"""

from . import event, municipal, partnership, school  # noqa: F401
