"""`manage.py send_review_reminders`: the daily reminder run, by hand."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reviews.delivery import deliver, describe
from reviews.planning import plan_run


class Command(BaseCommand):
    """Plan and send review digests (the same code as the Celery beat job)."""

    help = "Send review reminder digests that are due; --dry-run only prints them."

    def add_arguments(self, parser) -> None:
        """--dry-run, --now ISO, --only EMAIL."""
        parser.add_argument("--dry-run", action="store_true", help="print, send nothing")
        parser.add_argument("--now", help="pretend it is this moment (ISO 8601)")
        parser.add_argument("--only", metavar="EMAIL", help="only this recipient")

    def handle(
        self, *args, dry_run: bool = False, now: str | None = None, only=None, **options
    ) -> None:
        """Print each digest, then send it unless this is a dry run."""
        moment = self._moment(now)
        plan = plan_run(moment, only_email=only)
        verb = "would send" if dry_run else "sent"
        sent = 0
        for digest in plan.digests:
            if dry_run:
                self.stdout.write(f"{verb}: {describe(digest)}")
                continue
            recorded = deliver(digest, moment)
            if recorded:
                sent += 1
                self.stdout.write(f"{verb}: {describe(digest)}")
            else:
                self.stdout.write(f"skipped (already sent): {digest.recipient.email}")
        for page in plan.unreachable:
            name = " ".join(filter(None, [getattr(page, "code", ""), page.title]))
            self.stderr.write(f"nobody to remind: {name}")
        count = len(plan.digests) if dry_run else sent
        self.stdout.write(f"{count} digest(s) {verb} for {plan.today.isoformat()}.")

    def _moment(self, value: str | None) -> datetime:
        """--now as an aware datetime (naive values are local time)."""
        if not value:
            return timezone.now()
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"--now: not an ISO 8601 date/time: {value!r}") from error
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment
