"""The bulk fix: preview, revisions and log, permissions, moderation, failures,
idempotence, and old submissions that read the same afterwards."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from tests.factories import FormFieldFactory, FormPageFactory, StreamFormPageFactory
from tests.testapp.models import FormPage
from wagtail_inclusive_forms.core.audit.fixes import reword
from wagtail_inclusive_forms.models import AuditRun, FormPurposeRecord
from wagtail_inclusive_forms.services.bulk_fix import FIX_ACTION, apply_fixes, fix_page, preview_fixes


def old_form(root_page, slug, *, choices="Man\nVrouw", label="Geslacht", required=True, extra=()):
    """A published form with a name field and an old man/woman question in the middle."""
    page = FormPageFactory(parent=root_page, title=f"Formulier {slug}", slug=slug)
    FormFieldFactory(page=page, label="Achternaam", sort_order=0)
    FormFieldFactory(
        page=page, label=label, field_type="dropdown", choices=choices, required=required, sort_order=1
    )
    for order, field_label in enumerate(extra, start=2):
        FormFieldFactory(page=page, label=field_label, sort_order=order)
    page.save_revision().publish()
    return FormPage.objects.get(pk=page.pk)


def fields_of(page):
    page = FormPage.objects.get(pk=page.pk)
    return [(f.pk, f.clean_name, f.field_type, f.required, f.inclusive_mode) for f in page.form_fields.all()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Naam vader/moeder", "Naam ouder"),
        ("Vader", "Ouder"),
        ("Medewerker (m/v) gezocht", "Medewerker gezocht"),
        ("(m/v) Medewerker", "Medewerker"),
        ("<p>Een collega (m/v) voor <b>ons</b></p>", "<p>Een collega voor <b>ons</b></p>"),
        ("Geachte heer/mevrouw", "Geachte heer/mevrouw"),  # advice only: a person chooses
        ("If he/she agrees", "If he/she agrees"),  # pronouns need the sentence rewritten
        ("Manager", "Manager"),
        # Markup and placeholders are never words: links, ids and {fields} stay as stored.
        ('<a href="/vader-en-moeder/">vader/moeder</a>', '<a href="/vader-en-moeder/">ouder</a>'),
        ('<p id="vader">Vader</p><!-- vader -->', '<p id="vader">Ouder</p><!-- vader -->'),
        ("Beste {vader}, uw vader/moeder", "Beste {vader}, uw ouder"),
        ("<script>var vader = 1;</script>vader", "<script>var vader = 1;</script>ouder"),
    ],
)
def test_reword_puts_in_only_single_neutral_words(text, expected):
    assert reword(text) == expected


def test_the_fix_rewrites_rich_text_words_not_links_and_the_preview_shows_just_that(
    client, root_page, admin_user
):
    page = old_form(root_page, "inschrijven")
    page.intro = '<p>Vul in: <a href="/vader-en-moeder/">vader/moeder</a> (m/v)</p>'
    page.confirmation_email_body = "{aanhef},\n\nWe nemen contact op met uw vader/moeder. {vader}"
    page.save_revision().publish()
    (plan,) = preview_fixes(page_ids=[page.pk])
    intro = next(text for text in plan.texts if text.where == "intro")
    # Each change in the words around it, as a reader sees them; the link is not a word.
    assert [(c.before, c.after) for c in intro.changes] == [
        ("Vul in: vader/moeder (m/v)", "Vul in: ouder (m/v)"),
        ("Vul in: vader/moeder (m/v)", "Vul in: vader/moeder"),
    ]
    client.force_login(admin_user)
    html = client.get(reverse("wagtail_inclusive_forms:bulk_fix")).content.decode()
    assert "“Vul in: vader/moeder (m/v)” wordt “Vul in: ouder (m/v)”" in html
    assert "ouder-en-ouder" not in html

    apply_fixes([page.pk], user=admin_user, publish=True)
    page = FormPage.objects.get(pk=page.pk)
    assert page.intro == intro.new == '<p>Vul in: <a href="/vader-en-moeder/">ouder</a></p>'
    assert page.confirmation_email_body == "{aanhef},\n\nWe nemen contact op met uw ouder. {vader}"


def test_preview_shows_each_old_question_and_what_it_becomes(root_page):
    page = old_form(root_page, "parkeren")
    salutation = old_form(root_page, "grofvuil", label="Aanhef", choices="Dhr.\nMevr.")
    plans = {plan.page_id: plan for plan in preview_fixes()}
    (fix,) = plans[page.pk].fields
    assert (fix.position, fix.name, fix.old_choices, fix.old_required) == (
        1,
        "geslacht",
        ("Man", "Vrouw"),
        True,
    )
    assert (fix.mode, fix.own_mode, fix.required) == ("gender", "", False)  # follows the standard, optional
    (address,) = plans[salutation.pk].fields
    assert (address.mode, address.own_mode) == ("form_of_address", "form_of_address")
    assert fields_of(page)[1][2] == "dropdown"  # a preview changes nothing


def test_a_legal_basis_keeps_the_question_required_and_asking_sex(root_page):
    from wagtail.models import Site

    from wagtail_inclusive_forms.models import InclusiveFormsSettings

    settings = InclusiveFormsSettings.for_site(Site.objects.get(is_default_site=True))
    settings.question_mode = "form_of_address"
    settings.save()
    page = old_form(root_page, "rijbewijs")
    FormPurposeRecord.objects.create(
        page=page, purposes=["legal_duty"], legal_basis="Wegenverkeerswet art. 107"
    )
    (fix,) = preview_fixes(page_ids=[page.pk])[0].fields
    assert (fix.mode, fix.own_mode, fix.required) == ("gender", "gender", True)


def test_apply_keeps_place_name_and_row_and_logs_a_new_revision(root_page, admin_user):
    page = old_form(root_page, "parkeren", extra=["Kenteken"])
    before = fields_of(page)
    revisions = page.revisions.count()
    (outcome,) = apply_fixes([page.pk], user=admin_user, publish=True)
    assert outcome.status == "published"
    after = fields_of(page)
    assert [row[:2] for row in after] == [row[:2] for row in before]  # same rows, order and names
    assert after[1][2:] == ("inclusive_gender", False, "")
    assert page.revisions.count() == revisions + 1
    entry = PageLogEntry.objects.get(page=page, action=FIX_ACTION)
    assert entry.user == admin_user and entry.data["fields"][0]["old_choices"] == ["Man", "Vrouw"]
    assert (
        entry.message == "Oude vragen naar geslacht vervangen: “Geslacht” (Dropdown) werd de inclusieve vraag"
    )
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=admin_user).exists()


def test_draft_is_the_default_and_a_previous_revision_undoes_it(root_page, admin_user):
    page = old_form(root_page, "parkeren")
    previous = page.get_latest_revision()
    (outcome,) = apply_fixes([page.pk], user=admin_user)
    assert outcome.status == "draft"
    page = FormPage.objects.get(pk=page.pk)
    assert page.has_unpublished_changes and fields_of(page)[1][2] == "dropdown"  # live form untouched
    assert page.get_latest_revision_as_object().form_fields.all()[1].field_type == "inclusive_gender"
    previous.publish()  # "revert to the previous revision"
    assert fields_of(page)[1][2] == "dropdown"


def test_someone_elses_draft_is_not_published_behind_their_back(root_page, admin_user):
    page = old_form(root_page, "parkeren")
    page.title = "Half af"
    page.save_revision()
    (outcome,) = apply_fixes([page.pk], user=admin_user, publish=True)
    assert outcome.status == "draft" and "wijzigingen" in outcome.reason
    assert FormPage.objects.get(pk=page.pk).live_revision.content["title"] == "Formulier parkeren"


def test_pages_in_moderation_or_locked_or_not_editable_are_skipped(
    root_page, admin_user, editor_without_form_access
):
    moderated = old_form(root_page, "moderatie")
    workflow = Workflow.objects.create(name="Controle")
    approval = GroupApprovalTask.objects.create(name="Goedkeuren")
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=moderated)
    workflow.start(moderated, admin_user)
    locked = old_form(root_page, "slot")
    locked.locked, locked.locked_by = True, editor_without_form_access
    locked.save()
    outcomes = {o.page_id: o for o in apply_fixes([moderated.pk, locked.pk], user=admin_user, publish=True)}
    assert outcomes[moderated.pk].status == "skipped" and "moderat" in outcomes[moderated.pk].reason
    assert outcomes[locked.pk].status == "skipped"
    other = old_form(root_page, "geen-rechten")
    (outcome,) = apply_fixes([other.pk], user=editor_without_form_access)
    assert outcome.status == "skipped"
    assert fields_of(other)[1][2] == "dropdown"
    assert not PageLogEntry.objects.filter(action=FIX_ACTION).exists()


def test_a_failure_on_one_page_leaves_it_untouched_and_the_others_fixed(root_page, admin_user, monkeypatch):
    good, bad = old_form(root_page, "goed"), old_form(root_page, "fout")
    original = FormPage.save_revision

    def failing(self, *args, **kwargs):
        if self.pk == bad.pk:
            raise RuntimeError("schijf vol")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FormPage, "save_revision", failing)
    outcomes = {o.page_id: o for o in apply_fixes([bad.pk, good.pk], user=admin_user, publish=True)}
    assert (outcomes[bad.pk].status, outcomes[bad.pk].reason) == ("failed", "schijf vol")
    assert outcomes[good.pk].status == "published"
    assert fields_of(bad)[1][2] == "dropdown" and fields_of(good)[1][2] == "inclusive_gender"


def test_form_fields_without_the_inclusive_mixin_are_not_given_a_type_they_cannot_show(root_page, admin_user):
    from tests.testapp.models import StockFormField, StockFormPage

    page = root_page.add_child(instance=StockFormPage(title="Formulier gewoon", slug="gewoon"))
    StockFormField.objects.create(page=page, label="Geslacht", field_type="dropdown", choices="Man\nVrouw")
    page.save_revision().publish()  # a plain Wagtail form page with Wagtail's own form fields
    (outcome,) = apply_fixes([page.pk], user=admin_user, publish=True)
    assert outcome.status == "failed" and "InclusiveFormFieldMixin" in outcome.reason
    assert StockFormField.objects.get(page=page).field_type == "dropdown"


def test_running_the_fix_twice_changes_nothing_the_second_time(root_page, admin_user):
    page = old_form(root_page, "parkeren", extra=["Naam vader/moeder"])
    apply_fixes([page.pk], user=admin_user, publish=True)
    revisions = page.revisions.count()
    assert preview_fixes(page_ids=[page.pk]) == []
    assert fix_page(page.pk, user=admin_user, publish=True).status == "unchanged"
    assert page.revisions.count() == revisions
    assert FormPage.objects.get(pk=page.pk).form_fields.all()[2].label == "Naam ouder"


def test_old_submissions_read_the_same_after_the_fix(client, admin_user, root_page):
    page = old_form(root_page, "aanhef", label="Aanhef", choices="Dhr.\nMevr.")
    for name, answer in [("de Vries", "Dhr."), ("Smit", "Mevr.")]:
        FormSubmission.objects.create(page=page, form_data={"achternaam": name, "aanhef": answer})
    stored = list(FormSubmission.objects.values_list("form_data", flat=True))
    apply_fixes([page.pk], user=admin_user, publish=True)
    assert list(FormSubmission.objects.values_list("form_data", flat=True)) == stored  # never rewritten
    client.force_login(admin_user)
    url = reverse("wagtailforms:list_submissions", args=(page.pk,)) + "?export=csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get(url).streaming_content).decode("utf-8-sig"))))
    assert sorted((row["Aanhef"], row["Aanhef voor brieven"]) for row in rows) == [
        ("Meneer", "Beste meneer De Vries"),
        ("Mevrouw", "Beste mevrouw Smit"),
    ]


def test_a_stream_form_question_is_replaced_under_the_same_name(root_page, admin_user):
    page = StreamFormPageFactory(
        parent=root_page, slug="stream", body=[("name", "Naam"), ("name", "Geslacht")]
    )
    page.save_revision().publish()
    (plan,) = preview_fixes(page_ids=[page.pk])
    assert [fix.name for fix in plan.fields] == ["geslacht"]
    apply_fixes([page.pk], user=admin_user, publish=True)
    page.refresh_from_db()
    assert [child.block_type for child in page.body] == ["name", "gender"]
    assert list(page.specific.get_inclusive_questions()) == ["geslacht"]


def test_preview_queries_do_not_grow_with_submissions_or_pages(root_page):
    first = old_form(root_page, "een")

    def count():
        with CaptureQueriesContext(connection) as queries:
            preview_fixes()
        return len(queries)

    baseline = count()
    FormSubmission.objects.bulk_create(
        FormSubmission(page=first, form_data={"geslacht": "Man"}) for _ in range(200)
    )
    for slug in ("twee", "drie", "vier"):
        old_form(root_page, slug)
    assert count() == baseline


def test_command_is_a_dry_run_by_default_and_applies_on_request(root_page, capsys):
    page = old_form(root_page, "parkeren")
    call_command("fix_gender_questions")
    out = capsys.readouterr().out
    # Field types as editors see them in the form builder, and a proper singular.
    assert "Geslacht [geslacht]: Dropdown (Man / Vrouw)" in out
    assert "Proefrun: 1 formulier zou veranderen." in out
    assert fields_of(page)[1][2] == "dropdown"
    call_command("fix_gender_questions", "--apply", "--publish", "--page", str(page.pk))
    out = capsys.readouterr().out
    assert "Samenvatting: 1 opgeschoond en gepubliceerd." in out
    assert fields_of(page)[1][2] == "inclusive_gender"
    assert AuditRun.objects.exists()  # the dashboard shows the result at once


@pytest.mark.parametrize(
    "arguments",
    [
        ["--publish"],
        ["--apply", "--user", "niemand"],
        ["--site", "onbekend.example"],
        ["--page", "99999"],
        ["--page", "99999999999999999999"],  # more than the database can hold
        ["--page", "-3"],
        ["--site", "99999999999999999999"],
    ],
)
def test_command_misuse_exits_with_status_2(root_page, arguments):
    with pytest.raises(CommandError) as error:
        call_command("fix_gender_questions", *arguments)
    assert error.value.returncode == 2


def test_dashboard_and_report_link_to_the_fix_for_those_who_may_use_it(client, admin_user, root_page):
    from wagtail_inclusive_forms.services.audit_runs import run_and_store_audit

    old_form(root_page, "parkeren")
    run_and_store_audit()
    client.force_login(admin_user)
    fix_url = reverse("wagtail_inclusive_forms:bulk_fix")
    for name in ("audit_dashboard", "audit_report"):
        assert fix_url in client.get(reverse(f"wagtail_inclusive_forms:{name}")).content.decode()


def test_the_preview_lists_only_forms_the_user_may_edit(client, root_page, editor_without_form_access):
    old_form(root_page, "parkeren")
    group = Group.objects.get(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="fix_forms"))
    client.force_login(editor_without_form_access)
    response = client.get(reverse("wagtail_inclusive_forms:bulk_fix"))
    assert response.status_code == 200
    assert "Formulier parkeren" not in response.content.decode()


def test_a_stream_form_with_only_page_text_to_reword_is_fixed(root_page, admin_user):
    page = StreamFormPageFactory(
        parent=root_page, slug="vacature", title="Medewerker (m/v)", body=[("name", "Naam")]
    )
    page.save_revision().publish()
    (outcome,) = apply_fixes([page.pk], user=admin_user, publish=True)
    assert outcome.status == "published"
    page.refresh_from_db()
    assert page.title == "Medewerker"


def test_admin_preview_and_apply_need_the_fix_permission(client, root_page, admin_user, editor):
    page = old_form(root_page, "parkeren")
    url = reverse("wagtail_inclusive_forms:bulk_fix")
    client.force_login(editor)
    assert client.get(url).status_code != 200  # Wagtail sends the refused user back to the dashboard
    client.post(url, {"page": [page.pk], "publish": "1"})
    assert fields_of(page)[1][2] == "dropdown"
    group = Group.objects.get(name="Redacteuren")
    group.permissions.add(Permission.objects.get(codename="fix_forms"))
    response = client.get(url)
    assert response.status_code == 200 and "Man / Vrouw" in response.content.decode()
    page.title = "<img src=x onerror=alert(1)>"
    page.save_revision().publish()
    html = client.get(url).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    response = client.post(url, {"page": [page.pk, "x"], "publish": "1"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-status="published"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html  # the outcome, escaped
    assert fields_of(page)[1][2] == "inclusive_gender"


def inclusive_description(own, shared):
    from wagtail_inclusive_forms.core.audit import FieldDescription
    from wagtail_inclusive_forms.core.question import overridden_settings, resolve_question

    return FieldDescription(
        name="geslacht",
        label="Geslacht",
        field_type="inclusive_gender",
        question=resolve_question(shared, own),
        overrides=overridden_settings(own),
    )


def test_only_settings_equal_to_the_standard_are_planned_to_follow_it():
    from wagtail_inclusive_forms.core.audit.fixes import plan_follow_fix
    from wagtail_inclusive_forms.core.question import SharedQuestion

    shared = SharedQuestion(purpose="Voor de statistiek.", hidden_codes=("self_described",))
    own = {"mode": "gender", "hidden_codes": (), "undisclosed_label": "", "purpose": "Voor de statistiek."}
    fix = plan_follow_fix(3, inclusive_description(own, shared), shared)
    assert (fix.position, fix.name, fix.settings) == (3, "geslacht", ("mode", "purpose"))  # own answers stay
    # Hiding an answer of the other mode changes nothing a visitor sees: that override can go too.
    own_answers = dict(own, hidden_codes=("self_described", "address_mr"))
    assert plan_follow_fix(0, inclusive_description(own_answers, shared), shared).settings == (
        "mode",
        "hidden_codes",
        "purpose",
    )
    different = {
        "mode": "form_of_address",
        "hidden_codes": None,
        "undisclosed_label": "",
        "purpose": "Eigen.",
    }
    assert plan_follow_fix(0, inclusive_description(different, shared), shared) is None
    following = {"mode": "", "hidden_codes": None, "undisclosed_label": "", "purpose": ""}
    assert plan_follow_fix(0, inclusive_description(following, shared), shared) is None


def test_a_question_with_the_standards_values_follows_later_changes_after_the_fix(root_page, admin_user):
    from wagtail.models import Site

    from tests.factories import InclusiveFieldFactory
    from tests.test_shared_question import set_standard

    site = Site.objects.get(is_default_site=True)
    set_standard(site, question_purpose="Voor de aanhef in onze brieven.")
    page = FormPageFactory(parent=root_page, slug="oud-inclusief")
    InclusiveFieldFactory(
        page=page,
        inclusive_mode="gender",  # stored before there was a standard question
        inclusive_hidden_answers="",
        inclusive_undisclosed_label="prefer_not_to_say",
        inclusive_purpose="Voor de aanhef in onze brieven.",
        sort_order=0,
    )
    InclusiveFieldFactory(
        page=page,
        label="Geslacht kind",
        inclusive_mode="gender",
        inclusive_purpose="Eigen doel.",
        sort_order=1,
    )
    page.save_revision().publish()
    before = FormPage.objects.get(pk=page.pk).get_inclusive_questions()

    (plan,) = preview_fixes(page_ids=[page.pk])
    assert [(fix.name, fix.settings) for fix in plan.follows] == [
        ("geslacht", ("mode", "hidden_codes", "undisclosed_label", "purpose")),
        ("geslacht_kind", ("mode",)),  # its own purpose stays
    ]
    (outcome,) = apply_fixes([page.pk], user=admin_user, publish=True)
    assert outcome.status == "published"
    page = FormPage.objects.get(pk=page.pk)
    assert page.get_inclusive_questions() == before  # visitors see the same questions
    assert [field.question.overridden_settings() for field in page.form_fields.all()] == [(), ("purpose",)]
    entry = PageLogEntry.objects.get(page=page, action=FIX_ACTION)
    assert entry.data["follows"][1] == {
        "name": "geslacht_kind",
        "label": "Geslacht kind",
        "follows": ["mode"],
    }
    set_standard(site, question_mode="form_of_address", question_purpose="Alleen voor de aanhef.")
    after = FormPage.objects.get(pk=page.pk).get_inclusive_questions()
    assert (after["geslacht"].mode, after["geslacht"].purpose) == (
        "form_of_address",
        "Alleen voor de aanhef.",
    )
    assert (after["geslacht_kind"].mode, after["geslacht_kind"].purpose) == ("form_of_address", "Eigen doel.")
    assert fix_page(page.pk, user=admin_user).status == "unchanged"  # a second run changes nothing


def test_a_stream_question_with_the_standards_values_follows_it_after_the_fix(root_page, admin_user):
    from wagtail_inclusive_forms.core.question import default_shared_question

    standard = default_shared_question()
    own = {
        "label": "Geslacht",
        "required": False,
        "mode": "gender",
        "offered_answers": ["male", "female", "self_described", "undisclosed"],
        "undisclosed_label": "not_relevant",  # differs from the standard: stays
        "purpose": standard.purpose,
    }
    page = StreamFormPageFactory(parent=root_page, slug="stream-oud", body=[("gender", own)])
    page.save_revision().publish()
    apply_fixes([page.pk], user=admin_user, publish=True)
    page.refresh_from_db()
    value = page.body[0].value
    assert (value["mode"], value["offered_answers"], value["undisclosed_label"], value["purpose"]) == (
        "",
        None,
        "not_relevant",
        "",
    )
    assert page.body[0].block.question(value).overridden_settings() == ("undisclosed_label",)
    assert list(page.specific.get_inclusive_questions()) == ["geslacht"]


def test_preview_and_command_say_which_questions_will_follow_the_standard(
    client, admin_user, root_page, capsys
):
    from tests.factories import InclusiveFieldFactory
    from wagtail_inclusive_forms.core.question import default_shared_question

    page = FormPageFactory(parent=root_page, title="Melding", slug="melding")
    InclusiveFieldFactory(
        page=page, inclusive_mode="gender", inclusive_purpose=default_shared_question().purpose
    )
    page.save_revision().publish()
    client.force_login(admin_user)
    html = client.get(reverse("wagtail_inclusive_forms:bulk_fix")).content.decode()
    assert "“Geslacht” volgt voortaan de standaardvraag in: wat de vraag vraagt, doeltekst" in html
    call_command("fix_gender_questions")
    assert (
        "Geslacht [geslacht]: volgt de standaardvraag (wat de vraag vraagt, doeltekst)"
        in capsys.readouterr().out
    )
    response = client.post(
        reverse("wagtail_inclusive_forms:bulk_fix"), {"page": [page.pk], "publish": "1"}, follow=True
    )
    assert "volgt de standaardvraag: Geslacht" in response.content.decode()
    assert FormPage.objects.get(pk=page.pk).form_fields.get().question.overridden_settings() == ()


def test_a_one_page_preview_reads_only_that_page(root_page, monkeypatch):
    """The preview of one form costs the same on a site of 5 or 5,000 forms."""
    from wagtail_inclusive_forms.services import sources

    wanted = old_form(root_page, "een")
    for slug in ("twee", "drie", "vier", "vijf"):
        old_form(root_page, slug)
    described = []
    real = sources._description
    monkeypatch.setattr(
        sources, "_description", lambda page, *a, **k: described.append(page.pk) or real(page, *a, **k)
    )
    (plan,) = preview_fixes(page_ids=[wanted.pk])
    assert plan.page_id == wanted.pk
    assert described == [wanted.pk]
    assert len(preview_fixes()) == 5  # the whole site still gets its plans
