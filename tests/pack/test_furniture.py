"""The shared page-furniture stage, fed as text readers and the PDF reader feed it."""

from __future__ import annotations

from briefing_app.pack.readers.furniture import PageLine, find_furniture, lone_page_number, normalise


def text_pages(*pages: str) -> list[list[PageLine]]:
    out = []
    for p, page in enumerate(pages):
        lines = [ln.strip() for ln in page.strip("\n").split("\n") if ln.strip()]
        out.append([PageLine(p, i, text) for i, text in enumerate(lines)])
    return out


def texts_of(pages: list[list[PageLine]], found: frozenset[tuple[int, int]]) -> list[str]:
    return [ln.text for page in pages for ln in page if (ln.page, ln.index) in found]


BODY = [
    "The board agreed the plan for the coming year.\nIt asked for a report.",
    "Members asked how the funding would be shared out.\nOfficers answered.",
    "Officers will report back at the next meeting.\nThat closed the item.",
]


def test_a_running_header_in_any_wording_is_found_because_it_repeats():
    pages = text_pages(*(f"Safer Neighbourhoods Panel\n{body}" for body in BODY))
    furniture = find_furniture(pages)
    assert texts_of(pages, furniture.lines) == ["Safer Neighbourhoods Panel"] * 3


def test_a_footer_with_a_changing_page_number_gives_the_page_numbers():
    pages = text_pages(*(f"{body}\nCommunities Board report | {n}" for n, body in enumerate(BODY, 7)))
    furniture = find_furniture(pages)
    assert texts_of(pages, furniture.lines) == [f"Communities Board report | {n}" for n in (7, 8, 9)]
    assert furniture.page_numbers == ("7", "8", "9")


def test_roman_page_numbers_in_a_header_count_as_a_changing_number():
    pages = text_pages(
        *(f"Annual review – page {n}\n{body}" for n, body in zip(("i", "ii", "iii"), BODY, strict=True))
    )
    furniture = find_furniture(pages)
    assert len(furniture.lines) == 3
    assert furniture.page_numbers == ("i", "ii", "iii")


def test_lone_page_numbers_at_the_foot_are_furniture_even_though_they_vary():
    pages = text_pages(
        f"{BODY[0]}\n- 5 -",
        f"{BODY[1]}\nPage 6 of 20",
        f"12\n{BODY[2]}",
    )
    furniture = find_furniture(pages)
    assert texts_of(pages, furniture.lines) == ["- 5 -", "Page 6 of 20", "12"]
    assert furniture.page_numbers == ("5", "6", "12")


def test_a_date_repeated_in_the_body_is_kept_but_a_date_footer_is_furniture():
    body_dates = text_pages(
        "Opening line here.\nA second line.\nA third line.\nA fourth line.\n12 March 2012\nclosing",
        "Opening line here too.\n12 March 2012\nA third line.\nA fourth line.\nA fifth line.\n"
        "another\nclosing",
        "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\n12 March 2012\nSeven.\nEight.\nNine.\nclosing",
    )
    assert "12 March 2012" not in texts_of(body_dates, find_furniture(body_dates).lines)
    footers = text_pages(*(f"{body}\n12 March 2012" for body in BODY))
    assert texts_of(footers, find_furniture(footers).lines) == ["12 March 2012"] * 3


def test_a_single_page_has_no_repeats():
    pages = text_pages("Item 3\nSome text.\nItem 3")
    assert find_furniture(pages).lines == frozenset()
    assert find_furniture([]).page_numbers == ()


def pdf_page(page: int, lines: list[tuple[str, float]]) -> list[PageLine]:
    return [PageLine(page, i, text, top, top + 0.015) for i, (text, top) in enumerate(lines)]


def test_pdf_lines_repeat_at_the_same_height_within_a_tolerance():
    pages = [
        pdf_page(0, [("Agenda Item 5", 0.040), ("Budget monitoring", 0.30), ("Appendix B", 0.50)]),
        pdf_page(1, [("Agenda Item 5", 0.043), ("The forecast is level.", 0.20), ("Appendix B", 0.71)]),
        pdf_page(2, [("Agenda Item 5", 0.038), ("Appendix B", 0.33), ("OFFICIAL", 0.955)]),
        pdf_page(3, [("Agenda Item 5", 0.041), ("Appendix B", 0.62), ("OFFICIAL", 0.952)]),
    ]
    furniture = find_furniture(pages)
    assert texts_of(pages, furniture.lines) == ["Agenda Item 5"] * 2 + ["Agenda Item 5", "OFFICIAL"] * 2


def test_pdf_page_numbers_count_only_in_the_top_and_foot_bands():
    pages = [
        pdf_page(0, [("Text above.", 0.1), ("14", 0.5), ("3", 0.95)]),
        pdf_page(1, [("Page 4", 0.03), ("More text.", 0.2)]),
    ]
    furniture = find_furniture(pages)
    assert texts_of(pages, furniture.lines) == ["3", "Page 4"]
    assert furniture.page_numbers == ("3", "4")


def test_normalise_and_lone_page_number():
    assert normalise("Page  IV of 20") == "page # of #"
    assert normalise("Mix of civic life") == normalise("Mix of civic life")
    assert lone_page_number("– 17 –") == "17"
    assert lone_page_number("Page 6 of 20") == "6"
    assert lone_page_number("xii") == "xii"
    assert lone_page_number("Page") is None
    assert lone_page_number("2012") is None
    assert lone_page_number("Item 3") is None
