"""Who may do what with feedback: read and delete with the model permissions, never edit."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """The model's permissions, except that nobody, not even a superuser, adds or changes."""

    READ_ONLY_ACTIONS = ("add", "change")

    def user_has_permission(self, user, action: str) -> bool:
        """Refuse adding and changing; otherwise the user's model permissions decide."""
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        """As `user_has_permission`, for any of `actions`."""
        return any(self.user_has_permission(user, action) for action in actions)
