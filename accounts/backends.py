"""Django's model backend, reading the user's teacher record with the user: every page's
menu asks for it, and one query per request is saved."""

from django.contrib.auth.backends import ModelBackend, UserModel


class PortalBackend(ModelBackend):
    def get_user(self, user_id):
        users = UserModel._default_manager.select_related("teacher_profile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
