"""Six papers written in the bundled pack's styles with ordinary variations, each read exactly as
its expected model (tests/data/varied-pack/expected/<id>.json) says. To regenerate after a
deliberate change, run this file as a script and review the diff before committing it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefing_app.pack.export import note_to_dict
from briefing_app.pack.model import Document

PACK = Path(__file__).resolve().parent.parent / "data" / "varied-pack"
IDS = [
    "wessex-fire-budget",
    "harbour-scrutiny",
    "police-panel-item-5",
    "libraries-review",
    "transport-note",
    "youth-services",
]


def model(doc: Document) -> dict:
    return {
        "format": doc.format,
        "blocks": [
            {
                "kind": b.kind,
                "text": b.text,
                "level": b.level,
                "number": b.number,
                "page": b.page,
                "marker": b.marker,
                "role": b.role,
                "rows": [list(r) for r in b.rows] if b.rows else None,
                "note_refs": list(b.note_refs),
                "cited_as": doc.paragraph_number(b.id),
            }
            for b in doc.blocks
        ],
        "notes": [note_to_dict(n) for n in doc.notes],
        "remarks": list(doc.remarks),
    }


@pytest.fixture(scope="module")
def varied():
    from briefing_app.pack import load_pack

    pack = load_pack(PACK)
    assert not pack.problems
    return pack


@pytest.mark.parametrize("doc_id", IDS)
def test_paper_reads_as_its_expected_model(varied, doc_id):
    expected = json.loads((PACK / "expected" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert model(varied.document(doc_id)) == expected


def test_no_furniture_or_markers_left_in_any_paper(varied):
    for doc in varied.documents:
        for b in doc.blocks:
            for furniture in (
                "Page 2 of 3",
                "- 2 -",
                "PCP/25/017",
                "Harbour Board Scrutiny Panel",
                "Wessex Fire",
            ):
                assert furniture not in b.text, (doc.id, b.text)
            assert "1998.i" not in b.text and "<sup>" not in b.text


if __name__ == "__main__":
    from briefing_app.pack import load_pack

    pack = load_pack(PACK)
    for doc_id in sys.argv[1:] or IDS:
        out = PACK / "expected" / f"{doc_id}.json"
        out.write_text(
            json.dumps(model(pack.document(doc_id)), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print("wrote", out)
