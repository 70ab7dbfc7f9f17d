"""The PDF reader's pages: running heads, footers and stamps removed, blank pages dropped, printed
page numbers in citations, and the paper's title, date and publisher."""

from __future__ import annotations

from tests.pack.pdf_maker import Text, filler, read_pdf, wrap


def _pack_pages(count: int, first_number: int, blank: set[int] = frozenset()) -> list[list[Text]]:
    pages = []
    for i in range(count):
        page = [Text(72, 40, "Agenda Item 7", 10), Text(400, 40, "Cabinet 30 January 2025", 9)]
        if i in blank:
            page.append(Text(150, 400, "This page is intentionally left blank", 12))
        else:
            lines, _ = wrap(f"Body{i} starts. {filler(i, 40)}.", 72, 100)
            page += lines
        page.append(Text(280, 810, f"Page {first_number + i}", 10))
        pages.append(page)
    return pages


def test_heads_footers_and_page_stamps_are_not_text_and_stamps_give_the_pages(qapp, tmp_path):
    doc = read_pdf(tmp_path, _pack_pages(5, 11))
    text = "\n".join(b.text for b in doc.blocks)
    assert "Agenda Item" not in text and "Cabinet 30 January" not in text and "Page 1" not in text
    assert [b.text.split()[0] for b in doc.blocks] == [f"Body{i}" for i in range(5)]
    assert [b.page for b in doc.blocks] == [11, 12, 13, 14, 15]


def test_a_page_left_blank_is_dropped_and_the_numbering_goes_on(qapp, tmp_path):
    doc = read_pdf(tmp_path, _pack_pages(5, 31, blank={2}))
    assert not any("blank" in b.text for b in doc.blocks)
    assert [b.page for b in doc.blocks] == [31, 32, 34, 35]


def test_a_running_page_number_in_the_foot_is_the_printed_page(qapp, tmp_path):
    pages = []
    for i in range(4):
        lines, _ = wrap(f"Section{i} text. {filler(i, 30)}.", 72, 100)
        pages.append([*lines, Text(290, 800, str(i + 2), 10)])
    doc = read_pdf(tmp_path, pages)
    assert [b.page for b in doc.blocks] == [2, 3, 4, 5]
    assert not any(b.text.strip().isdigit() for b in doc.blocks)


def test_title_date_and_publisher_from_the_first_page(qapp, tmp_path):
    page = [
        Text(72, 60, "Kent County Council", 12),
        Text(72, 100, "Highways Maintenance Plan", 22, True),
        Text(72, 130, "Cabinet, 30 January 2025", 12),
    ]
    lines, _ = wrap(f"The plan sets out {filler(2, 30)}.", 72, 170)
    from briefing_app.pack.readers.pdf import read_details

    path = tmp_path / "plan.pdf"
    from tests.pack.pdf_maker import make_pdf

    make_pdf(path, [page + lines], title="Executive Decision")
    details = read_details(path)
    assert details.title == "Highways Maintenance Plan"
    assert details.date == "2025-01-30"
    assert details.publisher == "Kent County Council"


def test_the_metadata_title_serves_when_the_first_page_has_no_title(qapp, tmp_path):
    from briefing_app.pack.readers.pdf import read_details
    from tests.pack.pdf_maker import make_pdf

    lines, _ = wrap(f"Plain text only. {filler(3, 30)}.", 72, 100)
    path = make_pdf(tmp_path / "plain.pdf", [lines], title="Minutes of the Cabinet")
    assert read_details(path).title == "Minutes of the Cabinet"


def test_a_cover_table_subject_is_the_title(qapp, tmp_path):
    from briefing_app.pack.readers.pdf import read_details
    from tests.pack.pdf_maker import make_pdf

    page = [
        Text(72, 80, "From:", 11, True),
        Text(220, 80, "Cabinet Member for Finance", 11),
        Text(72, 108, "Subject:", 11, True),
        Text(220, 108, "Transfer of the Strengthening", 11),
        Text(220, 122, "Independence Service", 11),
        Text(72, 150, "Decision no:", 11, True),
        Text(220, 150, "24/00109", 11),
    ]
    path = make_pdf(tmp_path / "cover.pdf", [page], title="Executive Decision")
    assert read_details(path).title == "Transfer of the Strengthening Independence Service"


def test_page_labels_give_the_printed_pages_when_nothing_is_stamped(tmp_path):
    from briefing_app.pack.model import DocumentMeta
    from briefing_app.pack.readers import pdf
    from tests.pack.pdf_maker import minimal_pdf

    words = ["Budget", "Reserves", "Borrowing"]
    pages = [[(72, 300, f"{w} is the subject of this page of the appendix.")] for w in words]
    path = minimal_pdf(tmp_path / "labelled.pdf", pages, page_labels="0 << /S /D /St 41 >>")
    doc = pdf.read(path, DocumentMeta(id="a", title="A", file="labelled.pdf", format="pdf"))
    assert [b.page for b in doc.blocks] == [41, 42, 43]
    assert [r.page for b in doc.blocks for r in b.regions] == [0, 1, 2]
