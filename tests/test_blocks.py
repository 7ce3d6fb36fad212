"""The StreamField block produces the same field and stored value as the builder type."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.factories import StreamFormPageFactory
from wagtail_inclusive_forms.blocks import InclusiveQuestionBlock
from wagtail_inclusive_forms.fields import InclusiveQuestionField

pytestmark = pytest.mark.django_db


def block_value(**overrides):
    block = InclusiveQuestionBlock()
    value = block.to_python({"label": "Geslacht", "purpose": "Voor de aanhef.", **overrides})
    return block, value


def test_block_defaults_are_optional_with_all_answers_and_a_purpose():
    block = InclusiveQuestionBlock()
    default = block.get_default()
    assert default["required"] is False
    config = block.get_question_config(default)
    assert config.offered_codes == ("male", "female", "self_described", "undisclosed")
    assert "paspoort" in default["purpose"]


def test_block_builds_the_same_django_field():
    block, value = block_value(offered_answers=["male", "female", "self_described"])
    field = block.get_form_field(value)
    assert isinstance(field, InclusiveQuestionField)
    assert field.config.offered_codes == ("male", "female", "self_described")
    assert block.get_field_name(value) == "geslacht"


def test_block_refuses_a_required_question_without_purpose():
    block, value = block_value(required=True, purpose="")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "purpose" in error.value.block_errors


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
