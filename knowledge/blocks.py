"""The building blocks of a practice note's body, each rendered by its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=40, help_text=_("For example 12,400"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=160)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "knowledge/blocks/key_figures.html"


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said it"), max_length=160)
    role = blocks.CharBlock(label=_("their role"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Testimony or quotation")
        template = "knowledge/blocks/testimony.html"


class LessonsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    lessons = blocks.ListBlock(blocks.TextBlock(label=_("lesson")), label=_("lessons"), min_num=1)

    class Meta:
        icon = "pick"
        label = _("Lessons learned")
        template = "knowledge/blocks/lessons.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "knowledge/blocks/image.html"


class PracticeTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "knowledge/blocks/table.html"

    def render(self, value, context=None):
        """Adds ``reflow_rows``: each body cell with its column's heading, for a table that
        reflows on a phone; none when the table has no header row or merges cells."""
        extra = dict(context or {})
        extra["reflow_rows"] = reflow_rows(value)
        return super().render(value, extra)


def reflow_rows(value) -> list[list[dict]]:
    data = (value or {}).get("data") or []
    if not data or not value.get("first_row_is_table_header") or value.get("mergeCells"):
        return []
    header = [str(cell or "").strip() for cell in data[0]]
    row_header = bool(value.get("first_col_is_header"))
    return [
        [
            {
                "label": header[i] if i < len(header) else "",
                "text": str(cell or "").strip(),
                "is_row_header": row_header and i == 0,
            }
            for i, cell in enumerate(row)
        ]
        for row in data[1:]
    ]


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title shown"),
        required=False,
        max_length=200,
        help_text=_("The document's own title if empty."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document.html"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=160)
    role = blocks.CharBlock(label=_("role"), required=False, max_length=160)
    organisation = blocks.CharBlock(label=_("organisation"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "knowledge/blocks/contact.html"


class PracticeBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="knowledge/blocks/text.html"
    )
    key_figures = KeyFiguresBlock()
    testimony = TestimonyBlock()
    lessons = LessonsBlock()
    image = CaptionedImageBlock()
    table = PracticeTableBlock()
    document = DocumentBlock()
    contact = ContactBlock()
