"""Admin registration: the feedback listing for Integrationsmanagement."""

from wagtail import hooks

from feedback.views import AccessibilityFeedbackViewSet


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    """The read-only feedback listing in the admin menu."""
    return AccessibilityFeedbackViewSet("accessibility_feedback")
