"""The PDF reader's notes: markers found by their size and rise, linked to page-foot notes or to an
end-notes section; raised text that is not a marker stays in the text."""

from __future__ import annotations

from tests.pack.pdf_maker import Text, filler, follow, read_pdf, wrap


def _marker_after(x: float, y: float, before: str, label: str, after: str) -> list[Text]:
    """`before`, then a raised small `label` against it, then `after`: how Word sets a note marker."""
    return [Text(x, y, before, 11), follow(label, y - 4, 7), follow(after, y, 11, gap=3)]


def test_footnote_markers_link_to_the_notes_at_the_page_foot(qapp, tmp_path):
    page = _marker_after(72, 100, "The duty comes from the Care Act 2014", "1", "and its guidance.")
    page += _marker_after(72, 130, "Funding follows the settlement", "2", "announced in December.")
    page += [Text(72, 760, "1", 6), Text(78, 764, "Care Act 2014, section 1.", 9)]
    page += [Text(72, 776, "2", 6), Text(78, 780, "Provisional settlement, December 2024.", 9)]
    doc = read_pdf(tmp_path, [page])
    assert [b.text for b in doc.blocks] == [
        "The duty comes from the Care Act 2014 and its guidance.",
        "Funding follows the settlement announced in December.",
    ]
    first = doc.blocks[0]
    (ref,) = [s for s in first.spans if s.kind == "note_ref"]
    assert ref.start == len("The duty comes from the Care Act 2014")
    assert [(n.label, n.kind, n.status, n.text) for n in doc.notes] == [
        ("1", "footnote", "defined", "Care Act 2014, section 1."),
        ("2", "footnote", "defined", "Provisional settlement, December 2024."),
    ]
    assert doc.blocks[1].note_refs == ("2",)


def test_markers_link_to_an_end_notes_section(qapp, tmp_path):
    page = _marker_after(72, 100, "Demand has risen each year", "1", "since the pandemic.")
    lines, y = wrap(f"More text follows here. {filler(4, 25)}.", 72, 130)
    page += lines
    page += [
        Text(72, y + 30, "Notes", 14, True),
        Text(72, y + 55, "1 Office for National Statistics, 2024.", 11),
    ]
    doc = read_pdf(tmp_path, [page])
    assert doc.blocks[0].note_refs == ("1",)
    assert [(n.label, n.kind, n.text) for n in doc.notes] == [
        ("1", "endnote", "Office for National Statistics, 2024.")
    ]
    assert not any("Office for National" in b.text for b in doc.blocks)


def test_a_raised_ordinal_without_a_note_stays_in_the_text(qapp, tmp_path):
    page = _marker_after(72, 100, "The meeting on the 22", "nd", "of May agreed the plan.")
    doc = read_pdf(tmp_path, [page])
    block = doc.blocks[0]
    assert block.text.startswith("The meeting on the 22nd of May")
    assert [(s.start, s.end) for s in block.spans if s.kind == "superscript"] == [(21, 23)]
    assert doc.notes == ()
