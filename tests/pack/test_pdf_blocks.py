"""The PDF reader's blocks: paragraphs by spacing and indent, across pages; headings and levels;
numbered paragraphs; list items; hyphens at line ends."""

from __future__ import annotations

from tests.pack.pdf_maker import Text, filler, read_pdf, wrap


def _para(text: str, y: float, **kw) -> tuple[list[Text], float]:
    return wrap(text, 72, y, **kw)


def test_paragraphs_by_spacing_and_by_first_line_indent(qapp, tmp_path):
    a, y = _para(f"Spaced one. {filler(1, 30)}.", 100)
    b, y = _para(f"Spaced two. {filler(2, 30)}.", y + 10)
    c, y = _para(f"Indented one. {filler(3, 30)}.", y + 10, indent=18)
    d, y = _para(f"Indented two. {filler(4, 30)}.", y, indent=18)  # no spacing: only the indent
    doc = read_pdf(tmp_path, [a + b + c + d])
    assert [blk.text.split(".")[0] for blk in doc.blocks] == [
        "Spaced one",
        "Spaced two",
        "Indented one",
        "Indented two",
    ]
    assert doc.blocks[2].text == f"Indented one. {filler(3, 30)}."


def test_a_paragraph_carries_on_across_a_page_break(qapp, tmp_path):
    first, _ = _para("The council will consult residents on the proposal and", 780)
    second, y = _para("report the results to the Cabinet in March.", 72)
    third, _ = _para("A new paragraph starts here.", y + 12)
    doc = read_pdf(tmp_path, [first, second + third])
    assert [b.text for b in doc.blocks] == [
        "The council will consult residents on the proposal and report the results to the Cabinet in March.",
        "A new paragraph starts here.",
    ]
    assert len(doc.blocks[0].regions) == 2
    assert [r.page for r in doc.blocks[0].regions] == [0, 1]


def test_headings_by_size_and_weight_with_levels(qapp, tmp_path):
    page = [Text(72, 70, "Annual Report", 20, True), Text(72, 110, "Finance", 14, True)]
    body, y = _para(f"Body text one. {filler(5, 25)}.", 135)
    page += body + [Text(72, y + 20, "Revenue budget", 11, True)]
    more, _ = _para(f"Body text two. {filler(6, 25)}.", y + 40)
    doc = read_pdf(tmp_path, [page + more])
    assert [(b.kind, b.level, b.text) for b in doc.blocks if b.kind == "heading"] == [
        ("heading", 1, "Annual Report"),
        ("heading", 2, "Finance"),
        ("heading", 3, "Revenue budget"),
    ]


def test_numbered_paragraphs_keep_their_numbers(qapp, tmp_path):
    page = [Text(72, 80, "2.", 11, True), Text(100, 80, "Background", 11, True)]
    y = 110
    for num in ("2.1", "2.2", "2.3"):
        page.append(Text(72, y, num, 11))
        lines, y = wrap(f"Paragraph {num} says {filler(7, 28)}.", 110, y)
        page += lines
        y += 12
    doc = read_pdf(tmp_path, [page])
    assert [(b.kind, b.number) for b in doc.blocks] == [
        ("heading", "2"),
        ("paragraph", "2.1"),
        ("paragraph", "2.2"),
        ("paragraph", "2.3"),
    ]
    assert doc.blocks[0].text == "Background"
    assert doc.blocks[3].text.startswith("Paragraph 2.3 says")


def test_numbers_with_a_dot_and_no_decimals_number_paragraphs_too(qapp, tmp_path):
    page, y = [], 80.0
    for num in ("9.", "10.", "11."):
        page.append(Text(72, y, num, 11))
        lines, y = wrap(f"Point {num} says {filler(4, 28)}.", 110, y)
        page += lines
        y += 12
    doc = read_pdf(tmp_path, [page])
    assert [b.number for b in doc.blocks] == ["9", "10", "11"]
    assert doc.blocks[1].regions[0].x0 < 80  # the line's region starts at its printed number


def test_bullets_are_list_items_and_their_wrapped_lines_stay_with_them(qapp, tmp_path):
    intro, y = _para("The strategy has three aims:", 80)
    page = list(intro)
    for aim in (
        "to keep people well at home for longer than now, with support",
        "to cut waiting times",
        "to spend less on agency staff",
    ):
        page.append(Text(90, y + 6, "•", 11))
        lines, y = wrap(aim, 108, y + 6, width=40)
        page += lines
    doc = read_pdf(tmp_path, [page])
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "to keep people well at home for longer than now, with support",
        "to cut waiting times",
        "to spend less on agency staff",
    ]
    assert {b.marker for b in items} == {"•"}


def test_line_end_hyphens_are_dropped_only_where_the_joined_word_is_a_word(qapp, tmp_path):
    page = [
        Text(72, 80, "Further information is in the appendix; this is more infor-", 11),
        Text(72, 94, "mation about the self-", 11),
        Text(72, 108, "assessment form and the in-", 11),
        Text(72, 122, "house service, whose take-", 11),
        Text(72, 136, "up is rising.", 11),
    ]
    doc = read_pdf(tmp_path, [page])
    assert doc.blocks[0].text == (
        "Further information is in the appendix; this is more information about the self-assessment form "
        "and the in-house service, whose take-up is rising."
    )


def test_each_line_of_a_block_has_its_region_on_the_page(qapp, tmp_path):
    lines, _ = _para(f"Located text. {filler(8, 30)}.", 100)
    doc = read_pdf(tmp_path, [lines])
    block = doc.blocks[0]
    assert len(block.regions) == len(lines)
    for region, line in zip(block.regions, lines, strict=True):
        assert region.page == 0
        assert abs(region.x0 - 72) < 1.5
        assert region.top < line.y < region.bottom  # the baseline lies inside the line's box
        assert block.text[region.start :].startswith(line.text.split()[0])


def test_a_pack_document_with_format_pdf_is_read_by_the_pdf_reader(qapp, tmp_path):
    from briefing_app.pack import load_pack
    from tests.pack.pdf_maker import make_pdf

    root = tmp_path / "pack"
    root.mkdir()
    lines, _ = _para(f"Report text. {filler(9, 20)}.", 100)
    make_pdf(root / "report.pdf", [[Text(72, 60, "Cabinet Report", 18, True), *lines]])
    (root / "pack.yaml").write_text(
        "id: p\ntitle: P\ndocuments:\n  - {id: report, file: report.pdf, title: Report, format: pdf}\n"
    )
    pack = load_pack(root)
    assert pack.problems == ()
    (doc,) = pack.documents
    assert doc.format == "pdf"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.blocks[1].regions


def test_a_line_ended_with_room_to_spare_ends_its_block(qapp, tmp_path):
    # A form: each field on its own line, no spacing, none ending a sentence.
    page = [
        Text(72, 80, "Responsible Officer for mitigating", 11),
        Text(72, 94, "actions for Race", 11),
        Text(72, 108, "24. Negative impacts and Mitigating actions for Religion and belief", 11),
        Text(72, 122, "Are there negative impacts for Religion", 11),
    ]
    page.append(Text(72, 150, f"Wrapped text {filler(3, 60)}", 11))  # a long line for the right edge
    doc = read_pdf(tmp_path, [page])
    assert [b.number for b in doc.blocks][:3] == [None, "24", None]
    assert doc.blocks[0].text == "Responsible Officer for mitigating actions for Race"
    assert doc.blocks[1].text == "Negative impacts and Mitigating actions for Religion and belief"


def test_a_number_set_against_its_text_is_read_apart(qapp, tmp_path):
    page = [
        Text(72, 80, "10.Regarding the workforce, the outlook is mixed.", 11),
        Text(72, 110, "(m)In February the Deputy Ambassador visits.", 11),
    ]
    doc = read_pdf(tmp_path, [page])
    assert (doc.blocks[0].number, doc.blocks[0].text) == (
        "10",
        "Regarding the workforce, the outlook is mixed.",
    )
    assert (doc.blocks[1].marker, doc.blocks[1].text) == ("(m)", "In February the Deputy Ambassador visits.")


def test_a_table_over_two_pages_is_one_table_without_its_header_again(qapp, tmp_path):
    def rows(first: int, y: float) -> list[Text]:
        out = [Text(72, y, "Service", 10), Text(300, y, "Budget", 10)]
        for i in range(4):
            out += [
                Text(72, y + 16 * (i + 1), f"Service {first + i}", 10),
                Text(300, y + 16 * (i + 1), "100", 10),
            ]
        return out

    doc = read_pdf(tmp_path, [rows(1, 700), rows(5, 200)])
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.rows[0] == ("Service", "Budget")
    assert [r[0] for r in table.rows[1:]] == [f"Service {i}" for i in range(1, 9)]


def test_a_bold_lead_in_that_wraps_is_part_of_its_paragraph(qapp, tmp_path):
    page = [
        Text(72, 80, "Transition Gap:", 11, True),
        Text(170, 80, "Young adults in Kent with a learning disability move", 11),
        Text(72, 94, "into adult social care at the age of 26.", 11),
        Text(72, 130, "Key Considerations", 11, True),
        Text(72, 150, "The proposals address a number of issues.", 11),
    ]
    doc = read_pdf(tmp_path, [page])
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (
            "paragraph",
            "Transition Gap: Young adults in Kent with a learning disability move into adult social "
            "care at the age of 26.",
        ),
        ("heading", "Key Considerations"),
        ("paragraph", "The proposals address a number of issues."),
    ]
