"""Counts pinned on the real documents of the bundled pack."""

from __future__ import annotations

import re

import pytest

from briefing_app.pack.readers import detect_format
from briefing_app.paths import bundled_pack_dir


def doc(pack, doc_id):
    d = pack.document(doc_id)
    assert d is not None
    return d


def block_containing(d, text):
    found = [b for b in d.blocks if text in b.text]
    assert len(found) == 1, (text, [b.id for b in found])
    return found[0]


@pytest.mark.parametrize(
    "file, expected",
    [
        ("sn05993-preventing-violent-extremism.md", "markdown"),
        ("dclg-creating-the-conditions-for-integration.txt", "pdf-text"),
        ("lga-ssc-board-item-3.txt", "report"),
        ("nlgn-stronger-together.md", "markdown"),
        ("north-yorkshire-item-9.txt", "pdf-text"),
    ],
)
def test_format_auto_picks_right(file, expected):
    text = (bundled_pack_dir() / "documents" / file).read_text(encoding="utf-8")
    assert detect_format(text) == expected


def test_pack_metadata(bundled_pack):
    assert bundled_pack.id == "ssc-board-2012-03"
    assert [d.id for d in bundled_pack.documents] == [
        "sn05993",
        "creating-the-conditions",
        "lga-item-3",
        "stronger-together",
        "north-yorkshire-item-9",
    ]
    assert all(d.meta.publisher and d.meta.date and d.meta.licence for d in bundled_pack.documents)


def test_no_markup_or_markers_leak_into_any_block(bundled_pack):
    for d in bundled_pack.documents:
        for b in d.blocks:
            assert "<sup>" not in b.text and "**" not in b.text and "](#)" not in b.text, (d.id, b.id)


def test_sn05993(bundled_pack):
    d = doc(bundled_pack, "sn05993")
    refs = [k for b in d.blocks for k in b.note_refs]
    assert refs == [str(n) for n in range(1, 27)]
    assert len(d.notes) == 26 and all(n.status == "defined" and n.text for n in d.notes)
    note_texts = [n.text for n in d.notes]
    for b in d.blocks:
        assert not any(t in b.text for t in note_texts if len(t) > 25), b.id  # no note text in the body
    whole = block_containing(
        d,
        "We therefore propose to use existing legislation, as well as tackling such groups "
        "through our wider work",
    )
    assert whole.note_refs == ("4",)
    assert "HC Deb" not in whole.text
    block_containing(
        d,
        "Prevent should address all forms of terrorism, including the extreme right wing. That is only right",
    )
    assert len(d.blocks) == 138
    assert len(d.headings) == 15
    # one sentence, not two blocks, across "or online at:" and the bracketed address
    assert block_containing(d, "or online at:").text.endswith(
        "or online at: (http://preventreview.homeoffice.gov.uk)."
    )
    # "7.2" numbers a paragraph quoted from Cm 8092, not one of SN05993's own: it stays in the text
    quoted = block_containing(d, "Within this overall framework the new Prevent strategy")
    assert quoted.number is None and quoted.text.startswith("7.2 Within")
    assert not any(b.number for b in d.blocks)
    assert d.note("2").text == "HC Deb 9 November 2010, cc12-13WS."
    assert d.note("24").text.startswith("Original report was Preventing Violent Extremism")
    assert "6th report 2009-10" in d.note("24").text


def test_creating_the_conditions(bundled_pack):
    d = doc(bundled_pack, "creating-the-conditions")
    refs = [k for b in d.blocks for k in b.note_refs]
    assert refs == [str(n) for n in range(1, 42)]
    assert len(d.notes) == 41 and {n.status for n in d.notes} == {"missing"}
    assert {n.kind for n in d.notes} == {"endnote"}
    assert d.remarks and "not included in this copy" in d.remarks[0]
    block_containing(d, "Localism Act 2011 gives")
    block_containing(d, "A Year Of Service exemplifies")
    block_containing(d, "antisemitic crimes in 2010. In 2009")
    for b in d.blocks:
        assert not re.fullmatch(r"\s*\d{1,3}\s*", b.text), b.id
        assert "INTEGRATIONSocial" not in b.text
    # bullets reflowed whole across the blank line that split them
    block_containing(d, "Speak honestly about the issues facing us and create the space for response.")
    headings = [(h.text, h.level) for h in d.headings]
    for section in (
        "1. Integration in England today",
        "2. Approach to integration",
        "3. Government action",
        "4. Conclusion",
    ):
        assert (section, 1) in headings
    assert ("ANNEX", 1) in headings
    names = [h.text for h in d.headings]
    for factor in (
        "Common ground",
        "Responsibility",
        "Social mobility",
        "Participation",
        "Extremism and intolerance",
    ):
        assert factor in names
    # the annex's five factor headings sit below its title ("ANNEX" / "Evidence on integration...")
    annex = [h.text for h in d.headings].index("Evidence on integration in Britain today")
    assert [(h.text, h.level) for h in d.headings[annex:]] == [
        ("Evidence on integration in Britain today", 2),
        ("Common ground", 3),
        ("Responsibility", 3),
        ("Social mobility", 3),
        ("Participation", 3),
        ("Extremism and intolerance", 3),
    ]
    by_text = {b.text: b for b in d.blocks}
    sec2 = d.blocks.index(by_text["2. Approach to integration"])
    assert d.blocks[sec2 + 1].page == 6
    concl = d.blocks.index(by_text["4. Conclusion"])
    assert d.blocks[concl + 1].page == 19
    assert block_containing(d, "We will create the conditions for civic leadership").page == 7
    assert (
        block_containing(d, "We want to hear further ideas for action to increase participation").page == 16
    )
    assert block_containing(d, "Place is a key factor in integration").page is None  # not established
    assert len(d.blocks) == 158


def test_lga_item_3(bundled_pack):
    d = doc(bundled_pack, "lga-item-3")
    numbers = [b.number for b in d.blocks if b.number]
    expected = [str(n) for n in range(1, 5)] + ["4.1", "4.2", "4.3", "4.4", "4.5", "5", "5.1", "5.2", "5.3"]
    expected += [str(n) for n in range(6, 11)]
    assert numbers == expected
    for b in d.blocks:
        assert b.text not in ("Item 3", "12 March 2012")
        assert "\nItem 3" not in b.text and "12 March 2012 Item" not in b.text
    para = next(b for b in d.blocks if b.number == "4.3")
    assert para.text.endswith(
        "up to £10 million to help English language training for speakers of other languages"
    )
    assert "– the government announced on 29 February 2012" in para.text
    nine = next(b for b in d.blocks if b.number == "9")
    assert "understanding conflicts between different groups" in nine.text
    assert not d.notes


def test_stronger_together(bundled_pack):
    d = doc(bundled_pack, "stronger-together")
    notes = {n.key: n for n in d.notes}
    assert [n.key for n in d.notes] == [str(n) for n in range(1, 24)] + ["23~2"]
    assert notes["7"].status == "missing" and notes["15"].status == "missing"
    assert notes["23"].status == "defined" and notes["23"].text.startswith("CONTEST")
    assert notes["23~2"].status == "duplicate"
    assert notes["20"].ibid_of == "19" and notes["23~2"].ibid_of == "23"
    assert sum(1 for n in d.notes if n.ibid_of) == 2
    assert block_containing(d, "stopping terrorist attacks (Pursue)").note_refs == ("23",)
    assert block_containing(d, "open source material").note_refs == ("23~2",)
    # both definition styles linked
    assert notes["1"].text.startswith("CONTEST") and notes["6"].text.startswith("The Role of Muslim Politics")
    assert notes["21"].text.startswith("Guidance for local authorities")
    assert len([b for b in d.blocks if b.text.startswith("Recommendation ")]) == 12
    assert len(d.blocks) == 183


def test_north_yorkshire_item_9(bundled_pack):
    d = doc(bundled_pack, "north-yorkshire-item-9")
    numbers = [b.number for b in d.blocks if b.number]
    assert numbers == ["1.1"] + [f"2.{n}" for n in range(1, 10)] + ["3.1", "3.2", "3.3", "4.1"]
    para = next(b for b in d.blocks if b.number == "2.6")
    assert "not 'integration projects' which too often feel irrelevant and prove unsustainable" in para.text
    assert all("Agenda item 9" not in b.text for b in d.blocks)
    assert len([b for b in d.blocks if b.kind == "list_item"]) == 10
    assert not d.notes
