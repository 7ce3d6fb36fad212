"""Load the demo content of Gemeente Voorbeeldstad; running it again adds nothing twice."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from voorbeeldstad.demo_content import (
    CONFIRMATION_BODY,
    FORMS,
    HISTORY,
    RETENTION_DAYS,
    SALUTATION_SCHEME,
    SENSITIVE_FIELDS,
    STREAM_FORM,
    SUBMISSION_AGES_IN_DAYS,
)
from voorbeeldstad.models import FormField, FormPage, HomePage, StreamFormPage
from wagtail_inclusive_forms.core.audit import audit_forms
from wagtail_inclusive_forms.core.audit.policy import WARN
from wagtail_inclusive_forms.models import FormPurposeRecord, InclusiveFormsSettings
from wagtail_inclusive_forms.services.audit_runs import latest_run, run_and_store_audit, store_report
from wagtail_inclusive_forms.services.bulk_fix import apply_fixes

ADMIN_USERNAME = "admin"
# The old form the demo shows cleaned up in a draft, waiting for publication.
FIXED_AS_DRAFT = "klacht-indienen"
ADMIN_PASSWORD = "voorbeeldstad"  # noqa: S105  (demo only, printed by scripts/demo)


class Command(BaseCommand):
    help = "Load the demo forms of Gemeente Voorbeeldstad (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self.get_home()
        created = 0
        for slug, title, intro, fields, submissions in FORMS:
            if home.get_children().filter(slug=slug).exists():
                continue
            page = home.add_child(
                instance=FormPage(
                    title=title,
                    slug=slug,
                    intro=intro,
                    to_address="balie@voorbeeldstad.example",
                    from_address="noreply@voorbeeldstad.example",
                    subject=f"Nieuw formulier: {title}",
                    thank_you_text="<p>Bedankt. We nemen zo snel mogelijk contact met u op.</p>",
                    # Every demo form mails the visitor (to the console), with the salutation.
                    confirmation_email_enabled=any(field[1] == "email" for field in fields),
                    confirmation_email_body=CONFIRMATION_BODY,
                )
            )
            for order, (label, field_type, required, extra) in enumerate(fields):
                field = FormField(
                    page=page,
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    required=required,
                    sensitive=label in SENSITIVE_FIELDS,
                )
                if field_type == "inclusive_gender":
                    for name, value in extra.items():
                        setattr(field, name, value)
                else:
                    field.choices = extra
                field.full_clean(exclude=["page"])
                field.save()
            page.save_revision().publish()
            for index, data in enumerate(submissions):
                submission = page.get_submission_class().objects.create(page=page, form_data=data)
                # Of different ages, so the retention period has something to do.
                age = datetime.timedelta(days=SUBMISSION_AGES_IN_DAYS[index % len(SUBMISSION_AGES_IN_DAYS)])
                type(submission).objects.filter(pk=submission.pk).update(submit_time=timezone.now() - age)
            created += 1
        if not home.get_children().filter(slug=STREAM_FORM["slug"]).exists():
            page = home.add_child(
                instance=StreamFormPage(
                    title=STREAM_FORM["title"],
                    slug=STREAM_FORM["slug"],
                    intro=STREAM_FORM["intro"],
                    fields=STREAM_FORM["fields"],
                    thank_you_text="<p>Tot ziens op de buurtavond!</p>",
                )
            )
            page.save_revision().publish()
            created += 1
        self.ensure_salutation_scheme(home)
        self.ensure_audit(home)
        self.ensure_admin()
        total = home.get_children().count()
        self.stdout.write(self.style.SUCCESS(f"Demo content: {created} forms added, {total} in total."))

    def get_home(self) -> HomePage:
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Gemeente Voorbeeldstad",
                slug="voorbeeldstad",
                intro="<p>Welkom bij de gemeente Voorbeeldstad. Hieronder vindt u onze formulieren.</p>",
            )
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Gemeente Voorbeeldstad"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Gemeente Voorbeeldstad"
            )
        # Wagtail's own "Welcome" page is replaced, never a page someone made.
        if old_root and old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
        return home

    def ensure_salutation_scheme(self, home) -> None:
        """The Den Haag scheme for the demo site, using the form of address people
        type, unless an admin already chose one."""
        settings, created = InclusiveFormsSettings.objects.get_or_create(
            site=home.get_site(),
            defaults={
                "salutation_scheme": SALUTATION_SCHEME,
                "salutation_use_typed_address": True,
                "retention_days": RETENTION_DAYS,
                "publish_policy": WARN,
                "digest_recipients": "privacy@voorbeeldstad.example",
            },
        )
        if created:
            self.stdout.write(f"Salutation scheme: {settings.salutation_scheme}")

    def ensure_audit(self, home) -> None:
        """One recorded purpose, and a first audit so the dashboard has numbers."""
        survey = home.get_children().filter(slug="medewerkersonderzoek").first()
        if survey and not FormPurposeRecord.objects.filter(page=survey).exists():
            FormPurposeRecord.objects.create(
                page=survey,
                purposes=["emancipation_policy", "research"],
                decision="keep",
                notes="Alleen groepscijfers van minstens tien mensen; vrijwillig.",
            )
        if latest_run() is None:
            self.record_history(home)
            # One form cleaned up with the bulk fix but saved as a draft: the dashboard
            # names it as waiting for publication.
            complaint = home.get_children().filter(slug=FIXED_AS_DRAFT).first()
            if complaint and not complaint.has_unpublished_changes:
                apply_fixes([complaint.pk], publish=False)
            run = run_and_store_audit()
            self.stdout.write(f"Audit: {run.forms_asking} of {run.forms_scanned} forms ask sex or gender.")

    def record_history(self, home) -> None:
        """Audits of the site as it was (demo_content.HISTORY), stored with their
        dates, so the dashboard's trend shows forms being cleaned up."""
        from wagtail_inclusive_forms.services.sources import describe_forms

        pages = {slug: FormPage.objects.child_of(home).get(slug=slug) for slug, _field, _days in HISTORY}
        old_fields = {}
        for slug, (label, field_type, required, choices), _days in HISTORY:
            old_fields[slug] = FormField.objects.create(
                page=pages[slug],
                sort_order=99,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
            )
            pages[slug].save_revision().publish()
        reports = []
        for slug, _field, days in HISTORY:  # oldest first: audit, then the change made that day
            reports.append((days, audit_forms(describe_forms())))
            old_fields[slug].delete()
            pages[slug].save_revision().publish()
        for days, report in reports:
            run = store_report(report)
            type(run).objects.filter(pk=run.pk).update(
                created_at=timezone.now() - datetime.timedelta(days=days)
            )

    def ensure_admin(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@voorbeeldstad.example", ADMIN_PASSWORD)
