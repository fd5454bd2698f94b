"""Plone's owner role for measures: their owner and deputy may edit and submit them."""

from wagtail.models import PagePermissionTester


class MeasurePermissionTester(PagePermissionTester):
    """Page permissions plus editing for the measure's owner and deputy, wherever it is.

    Only editing (and so submitting to the workflow) is added: publishing, moving and
    deleting stay with the roles of the measure's action field.
    """

    def is_responsible(self) -> bool:
        """Whether the user is the measure's owner or deputy (and may use the admin)."""
        user_id = self.user.pk
        page = self.page
        return (
            self.user.is_active
            and user_id is not None
            and user_id in {page.measure_owner_id, page.deputy_id}
            and self.user.has_perm("wagtailadmin.access_admin")
        )

    def can_edit(self) -> bool:
        """Editable by the page's roles, and by its owner and deputy."""
        return super().can_edit() or (not self.page_is_root and self.is_responsible())

    def can_copy(self) -> bool:
        """Copying needs the roles' rights (an owner cannot copy a measure elsewhere)."""
        return super().can_edit()
