"""Go to "para 5.2", "p. 8", "note 12": what the box understands and where it lands."""

from __future__ import annotations

import pytest

from briefing_app.pack.goto import Place, Request, find_place, parse_request


@pytest.mark.parametrize(
    ("text", "request_"),
    [
        ("para 5.2", Request("para", "5.2")),
        ("paragraph 12", Request("para", "12")),
        ("Para. 4.3", Request("para", "4.3")),
        ("§ 3", Request("para", "3")),
        ("5.2", Request("para", "5.2")),
        ("p. 8", Request("page", "8")),
        ("p8", Request("page", "8")),
        ("page 12", Request("page", "12")),
        ("note 12", Request("note", "12")),
        ("footnote 3", Request("note", "3")),
        ("n. 4", Request("note", "4")),
        ("  note   7 ", Request("note", "7")),
    ],
)
def test_places_as_meetings_name_them(text, request_):
    assert parse_request(text) == request_


@pytest.mark.parametrize("text", ["", "hello", "para", "p. eight", "12"])
def test_anything_else_is_not_understood(text):
    assert parse_request(text) is None


def test_a_paragraph_lands_on_its_block(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    place = find_place(doc, Request("para", "5.2"))
    assert place is not None and doc.block(place.block).number == "5.2" and place.note is None


def test_a_page_lands_on_its_first_block(bundled_pack):
    doc = bundled_pack.document("sn05993")
    place = find_place(doc, Request("page", "6"))
    assert place is not None and doc.block(place.block).page == 6
    assert all(b.page != 6 for b in doc.blocks[: doc.blocks.index(doc.block(place.block))])


def test_a_note_lands_on_its_marker(bundled_pack):
    doc = bundled_pack.document("sn05993")
    assert find_place(doc, Request("note", "4")) == Place(
        next(b.id for b in doc.blocks if "4" in b.note_refs), "4"
    )


def test_what_a_document_does_not_have_is_none(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    assert find_place(doc, Request("para", "99")) is None
    assert find_place(doc, Request("page", "8")) is None  # this paper has no printed pages
    assert find_place(doc, Request("note", "1")) is None
