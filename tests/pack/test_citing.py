"""The citation composed for copying, the status bar's location, a bookmark's label, links."""

from __future__ import annotations

from briefing_app.pack.citing import (
    bookmark_label,
    location_text,
    quote_with_citation,
    selected_text,
    shorten,
)
from briefing_app.pack.crossrefs import MentionFinder
from briefing_app.pack.links import document_links


def numbered(doc, number):
    return next(b for b in doc.blocks if b.number == number)


def test_a_quote_in_one_paragraph_cites_it(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    block = numbered(doc, "5.2")
    start = block.text.index("victims")
    end = start + len("victims of state 'snooping'")
    assert (
        quote_with_citation(doc, [(block.id, start, end)])
        == "“victims of state 'snooping'” (LGA Item 3, para 5.2)"
    )


def test_a_quote_over_two_paragraphs_keeps_both_and_cites_the_range(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    first, second = numbered(doc, "5.1"), numbered(doc, "5.2")
    text = quote_with_citation(doc, [(first.id, 0, len(first.text)), (second.id, 0, 7)])
    assert text == f"“{first.text}\n\n{second.text[:7]}” (LGA Item 3, paras 5.1-5.2)"


def test_selected_text_has_no_note_labels_glued_to_words(bundled_pack):
    doc = bundled_pack.document("sn05993")
    block = next(b for b in doc.blocks if b.note_refs == ("4",))
    assert selected_text(doc, [(block.id, 0, len(block.text))]).endswith("society.")


def test_nothing_selected_gives_nothing(bundled_pack):
    assert quote_with_citation(bundled_pack.document("lga-item-3"), []) == ""


def test_location_text_names_document_paragraph_and_page(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    assert location_text(doc, numbered(doc, "4.3").id) == "LGA Item 3, para 4.3"
    sn = bundled_pack.document("sn05993")
    assert location_text(sn, "b10") == "SN05993, p. 2"
    assert location_text(sn, "no-such-block") == "SN05993"


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("short text") == "short text"
    cut = shorten("Councils are concerned that the approach taken has alienated communities", 30)
    assert cut == "Councils are concerned that…"
    assert len(cut) <= 31
    assert shorten("x" * 80, 10) == "x" * 10 + "…"


def test_bookmark_label_is_the_citation_then_whole_words(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    block = numbered(doc, "5.2")
    label = bookmark_label(doc, block.id)
    assert label.startswith("LGA Item 3, para 5.2 — led to some parts")
    words = label.split(" — ", 1)[1].rstrip("…").split()
    assert all(w in block.text.split() for w in words)  # no word cut in two


def test_document_links_point_at_other_documents(bundled_pack):
    doc = bundled_pack.document("lga-item-3")
    links = document_links(doc, MentionFinder(bundled_pack))
    spans = [s for found in links.values() for s in found]
    assert spans and {s.target for s in spans} == {"creating-the-conditions"}
    assert all(s.kind == "doclink" for s in spans)
    for block_id, found in links.items():
        text = doc.block(block_id).text
        assert all(text[s.start : s.end].lower().startswith("creating the conditions") for s in found)
    assert document_links(doc, None) == {}
