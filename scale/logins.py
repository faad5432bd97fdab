"""The demo logins the bench and the tests use, one per role (importable without Django)."""

PASSWORD = "demo12345"
ROLES = ["methodologist", "coordinator", "director", "teacher"]
USERNAMES = {
    "methodologist": "metodist",
    "coordinator": "koordinator",
    "director": "direktor",
    "teacher": "uchitel",
}
