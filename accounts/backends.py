"""Django's model backend, reading the user's teacher record with the user (every page's
menu asks for it, and one query per request is saved) and keeping each user's model
permissions in the shared cache (every page's menu asks for them: two queries saved)."""

from django.contrib.auth.backends import ModelBackend, UserModel

from core.figures_cache import bump_on_change, cached_figures

# Bumped by any change of a user, a group or a permission, and of who is in which group.
PERMISSIONS_AREA = "permissions"


def register_invalidation():
    from django.contrib.auth.models import Group, Permission

    bump_on_change(
        PERMISSIONS_AREA,
        UserModel,
        Group,
        Permission,
        UserModel.groups.through,
        UserModel.user_permissions.through,
        Group.permissions.through,
    )


class PortalBackend(ModelBackend):
    def get_user(self, user_id):
        users = UserModel._default_manager.select_related("teacher_profile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            # ModelBackend, later in the list, finds the same attribute and reads nothing.
            user_obj._perm_cache = cached_figures(
                PERMISSIONS_AREA,
                f"user:{user_obj.pk}:{user_obj.is_superuser}",
                lambda: super(PortalBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache
