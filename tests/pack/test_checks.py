"""The warnings `pack check` gives about a document as read."""

from __future__ import annotations

from briefing_app.pack.checks import document_warnings, location
from briefing_app.pack.model import Block, Document, DocumentMeta, Note, Problem, Span


def doc(blocks: list[Block], notes: tuple[Note, ...] = (), fmt: str = "pdf-text", remarks=()) -> Document:
    return Document(DocumentMeta("d", "D", "documents/d.txt"), fmt, tuple(blocks), notes, tuple(remarks))


def messages(d: Document) -> list[str]:
    return [location(p) for p in document_warnings(d)]


def test_a_heading_that_reads_like_a_sentence():
    d = doc(
        [
            Block("b1", "heading", "The board agreed the plan for the year.", level=2, line=4),
            Block("b2", "heading", "Budget and precept", level=2, line=6),
            Block("b3", "heading", "Members asked officers to report on the costs of the", level=2, line=8),
        ]
    )
    assert messages(d) == [
        'documents/d.txt:4: warning: the heading "The board agreed the plan for the year." '
        "reads like a sentence",
        'documents/d.txt:8: warning: the heading "Members asked officers to report on the costs of the" '
        "reads like a sentence",
    ]
    assert messages(doc(d.blocks, fmt="markdown")) == []  # its author marked it a heading


def test_a_gap_in_the_notes_is_the_sources_own_and_a_remark_silences_missing_notes():
    refs = tuple(Span(0, 0, "note_ref", k) for k in ("1", "2", "3"))
    notes = (
        Note("1", "1", "footnote", "defined", "A."),
        Note("2", "2", "footnote", "missing", None),
        Note("3", "3", "footnote", "defined", "C."),
    )
    d = doc([Block("b1", "paragraph", "Text with notes.", spans=refs, line=2)], notes)
    assert messages(d) == []
    gone = tuple(Note(str(k), str(k), "endnote", "missing", None) for k in (1, 2, 3))
    told = doc(
        d.blocks, gone, remarks=["The 3 end notes referred to in the text are not included in this copy."]
    )
    assert messages(told) == []
    assert len(messages(doc(d.blocks, gone))) == 3


def test_location_is_path_colon_line():
    assert location(Problem("pack.yaml", 3, "not valid YAML")) == "pack.yaml:3: not valid YAML"
    assert (
        location(Problem("documents/a.txt", None, "the file is missing"))
        == "documents/a.txt: the file is missing"
    )


def test_long_numbered_titles_and_repeated_lead_ins_are_not_warned():
    d = doc(
        [
            Block(
                "b1",
                "heading",
                "4. The Breadth, Contribution and Impact of Kent County Council on Health",
                level=1,
            ),
            *[Block(f"p{i}", "paragraph", "What we heard:", line=i) for i in range(3)],
        ]
    )
    assert messages(d) == []
