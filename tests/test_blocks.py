"""The StreamField block produces the same field and stored value as the builder type."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.factories import StreamFormPageFactory
from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock
from wagtail_inclusive_forms.core.question import SharedQuestion
from wagtail_inclusive_forms.forms.fields import InclusiveQuestionField

pytestmark = pytest.mark.django_db


def block_value(**overrides):
    block = InclusiveQuestionBlock()
    value = block.to_python({"label": "Geslacht", "purpose": "Voor de aanhef.", **overrides})
    return block, value


def test_block_defaults_are_optional_and_follow_the_standard_question():
    block = InclusiveQuestionBlock()
    default = block.get_default()
    assert default["required"] is False
    assert block.question(default).overridden_settings() == ()
    config = block.question(default).config()
    assert config.offered_codes == ("male", "female", "self_described", "undisclosed")
    assert "paspoort" in config.purpose
    standard = SharedQuestion(mode="form_of_address", purpose="Voor de aanhef.")
    assert block.question(default).config(standard).offered_codes == (
        "address_mr",
        "address_ms",
        "address_name_only",
        "address_custom",
    )


def test_block_builds_the_same_django_field():
    block, value = block_value(offered_answers=["male", "female", "self_described"])
    field = block.get_form_field(value)
    assert isinstance(field, InclusiveQuestionField)
    assert field.config.offered_codes == ("male", "female", "self_described")
    assert block.get_field_name(value) == "geslacht"


def test_block_refuses_own_answers_that_leave_fewer_than_two():
    block, value = block_value(mode="form_of_address", offered_answers=["male", "female", "address_mr"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "offered_answers" in error.value.block_errors


@pytest.fixture
def stream_page(root_page):
    page = StreamFormPageFactory(
        parent=root_page,
        title="Aanmelden buurtavond",
        slug="buurtavond",
        body=[
            ("name", "Naam"),
            (
                "gender",
                {
                    "label": "Geslacht",
                    "purpose": "Voor de aanhef.",
                    "required": False,
                    "mode": "gender",
                    "offered_answers": ["male", "female", "self_described", "undisclosed"],
                    "undisclosed_label": "not_relevant",
                    "help_text": "",
                },
            ),
        ],
    )
    page.save_revision().publish()
    return page


def test_stream_form_stores_the_same_value(client, stream_page):
    page = client.get(stream_page.url)
    soup = BeautifulSoup(page.content, "html.parser")
    assert (
        soup.find("label", attrs={"for": "id_geslacht_3"}).get_text(strip=True) == "Dat vind ik niet relevant"
    )
    client.post(
        stream_page.url, {"naam": "Sam", "geslacht": "self_described", "geslacht_description": "non-binair"}
    )
    assert stream_page.get_submissions().get().form_data["geslacht"] == {
        "answer": "self_described",
        "description": "non-binair",
    }


def test_help_text_of_a_block_is_escaped_as_in_the_form_builder(settings):
    block, value = block_value(help_text='<img src=x onerror="alert(1)">Optioneel')
    form = type("F", (forms.Form,), {"geslacht": block.get_form_field(value)})()
    html = form.as_div()
    assert "<img" not in html and "&lt;img src=x" in html
    # A site that allows HTML in help texts gets it, as with Wagtail's form builder.
    settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = True
    form = type("F", (forms.Form,), {"geslacht": block.get_form_field(value)})()
    assert '<img src=x onerror="alert(1)">' in form.as_div()


def test_answer_labels_of_the_block_follow_the_active_language():
    from django.utils import translation

    widget = InclusiveQuestionBlock().child_blocks["offered_answers"].field.widget
    with translation.override("en"):
        assert ">\n Woman</label>" in widget.render("answers", ["female"])
    with translation.override("nl"):
        assert ">\n Vrouw</label>" in widget.render("answers", ["female"])


@pytest.mark.parametrize("allow_html", [False, True])
def test_the_audit_reads_a_block_as_visitors_get_its_form_field(root_page, settings, allow_html):
    """The audit describes an inclusive block from its value, without building
    the form field; what it reads must be what that field shows."""
    from wagtail_inclusive_forms.services.sources import describe_page

    settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = allow_html
    page = StreamFormPageFactory(
        parent=root_page,
        slug="audit-blok",
        body=[
            (
                "gender",
                {
                    "label": "Geslacht kind",
                    "help_text": "<b>Vul in</b> & ga door",
                    "required": True,
                    "purpose": "Voor de zorg.",
                    "offered_answers": ["shared"],
                },
            )
        ],
    )
    shared = SharedQuestion(purpose="Standaard.")
    described = describe_page(page, shared=shared).fields[0]
    _name, block, value = next(page.iter_question_blocks())
    form_field = block.get_form_field(value, shared)
    assert (described.label, described.help_text, described.required, described.question) == (
        form_field.label,
        str(form_field.help_text),
        form_field.required,
        form_field.config,
    )
    assert (described.field_type, described.choices, described.overrides) == (
        "inclusive_gender",
        (),
        ("purpose",),
    )


def test_migrations_name_the_public_paths_of_the_blocks():
    """The blocks live in the form layer, but a site's migrations keep naming the paths
    sites import them from: moving the code must not give every site a new migration."""
    from django.db.migrations.writer import MigrationWriter
    from wagtail.fields import StreamField

    from wagtail_inclusive_forms import blocks, stream_forms
    from wagtail_inclusive_forms.blocks import PurposeTextBlock
    from wagtail_inclusive_forms.stream_forms import LabelledFieldBlock

    field = StreamField(
        [
            ("gender", InclusiveQuestionBlock()),
            ("text", LabelledFieldBlock(field_class=forms.EmailField)),
            ("purpose", PurposeTextBlock()),
        ]
    )
    written, _imports = MigrationWriter.serialize(field)
    assert "'wagtail_inclusive_forms.stream_forms.LabelledFieldBlock'" in written
    assert "'wagtail_inclusive_forms.blocks.PurposeTextBlock'" in written
    assert "wagtail_inclusive_forms.forms" not in written
    assert blocks.InclusiveQuestionBlock is InclusiveQuestionBlock
    assert stream_forms.LabelledFieldBlock().deconstruct()[0] == (
        "wagtail_inclusive_forms.stream_forms.LabelledFieldBlock"
    )
    # (Wagtail writes the inclusive block itself as a StructBlock with its children.)


def test_a_sites_own_block_with_both_methods_is_a_question():
    from wagtail import blocks

    from wagtail_inclusive_forms.blocks import QuestionBlock
    from wagtail_inclusive_forms.forms.blocks import is_question_block
    from wagtail_inclusive_forms.stream_forms import LabelledFieldBlock

    class PostcodeBlock(blocks.CharBlock):
        def get_field_name(self, value):
            return "postcode"

        def get_form_field(self, value):
            return forms.CharField(label=value)

    class HalfQuestionBlock(blocks.CharBlock):
        def get_form_field(self, value):  # no get_field_name: its answer would have no name
            return forms.CharField(label=value)

    assert isinstance(PostcodeBlock(), QuestionBlock)
    assert [
        is_question_block(block)
        for block in (
            PostcodeBlock(),
            InclusiveQuestionBlock(),
            LabelledFieldBlock(),
            HalfQuestionBlock(),
            blocks.RichTextBlock(),
        )
    ] == [True, True, True, False, False]


@pytest.mark.parametrize("stored", [5, {"male": True}, [1, None, "male"], True])
def test_answers_offered_of_another_shape_are_read_without_an_error(stored):
    block = InclusiveQuestionBlock()
    value = block.to_python({"label": "Geslacht", "offered_answers": stored})
    config = block.question(value).config(SharedQuestion())
    assert "male" in config.offered_codes and len(config.offered_codes) >= 2
