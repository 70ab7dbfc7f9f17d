"""`pack new` and `pack add`: a pack folder made from PDF papers, and a supplement added to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from briefing_app.cli import main
from briefing_app.errors import PackError
from briefing_app.pack.create import add_papers, new_pack
from tests.pdf_inputs import encrypted_pdf, text_pdf

# Generated PDFs are saved today; a printed date counts when it lies near the papers' saving dates.
MEETING = dt.date.today() + dt.timedelta(days=10)
PRINTED = f"Thursday, {MEETING.day}th {MEETING:%B}, {MEETING.year}"
KENT = Path(__file__).resolve().parents[3] / "shared" / "real-packs" / "kent-cabinet-2025-01-30"


def _entries(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.fixture
def papers(tmp_path: Path) -> dict[str, Path]:
    src = tmp_path / "incoming"
    src.mkdir()
    return {
        # Listed out of order on purpose: the agenda decides.
        "report": text_pdf(
            src / "24-00108 - Budget Monitoring Report.pdf",
            [["From: the Cabinet Member for Finance", "Budget monitoring, 30 January 2025", "1. Summary"]],
            title="THE REPORT",
        ),
        "prod": text_pdf(
            src / "24-00108 - PROD.pdf", [["Proposed record of decision 24/00108"]], title="THE REPORT"
        ),
        "agenda": text_pdf(
            src / "Agenda frontsheet.pdf",
            [
                [
                    "AGENDA",
                    PRINTED,
                    "1.  Apologies",
                    "2.  Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)",
                    "3.  24/00108 - Budget Monitoring Report (Pages 11 - 84)",
                    "4.  Treasury Management Strategy (Pages 85 - 120)",
                ]
            ],
            title="Agenda Template",
        ),
        "treasury": text_pdf(
            src / "Appendix L - TMS.pdf",
            [["Treasury Management Strategy 2025-26", "The council's borrowing"]],
            title="Treasury Management Strategy 2025-26",
        ),
        "minutes": text_pdf(
            src / "Minutes of the meeting held on 9th January 2025.pdf",
            [["Minutes of the meeting held on 9 January 2025"]],
        ),
        "other": text_pdf(src / "Glossary of terms.pdf", [["Glossary"]]),
    }


def test_a_new_pack_lists_its_papers_in_agenda_order_with_titles_and_dates(tmp_path: Path, papers):
    folder = tmp_path / "cabinet"
    new_pack(folder, list(papers.values()), title="Cabinet", meeting="Cabinet, 30 January 2025")
    data = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    assert (data["id"], data["title"], data["meeting"]) == ("cabinet", "Cabinet", "Cabinet, 30 January 2025")
    docs = data["documents"]
    assert [d["id"] for d in docs] == [
        "agenda-frontsheet",
        "minutes-of-the-meeting-held-on-9th-january-2025",
        "24-00108-budget-monitoring-report",  # the report, closest to its item's words, before its PROD
        "24-00108-prod",
        "appendix-l-tms",
        "glossary-of-terms",  # no item names it: after the items
    ]
    titles = {d["id"]: d["title"] for d in docs}
    # "THE REPORT" is on two papers, so it is a template's, not a title; a file name is.
    assert titles["24-00108-prod"] == "24-00108 - PROD"
    # A metadata title printed on the first page and telling more than the file name is kept.
    assert titles["appendix-l-tms"] == "Treasury Management Strategy 2025-26"
    # A metadata title not printed on the paper ("Agenda Template") is not believed.
    assert titles["agenda-frontsheet"] == "Agenda frontsheet"
    dates = {d["id"]: d.get("date") for d in docs}
    assert dates["agenda-frontsheet"] == MEETING.isoformat()  # printed on the first page
    assert dates["minutes-of-the-meeting-held-on-9th-january-2025"] is not None
    assert all(d["format"] == "pdf" for d in docs)
    for doc in docs:  # copies, byte for byte; the originals stay where they were
        copy = folder / doc["file"]
        assert copy.parent == folder / "papers"
        assert copy.read_bytes() == next(p for p in papers.values() if p.name == copy.name).read_bytes()
    assert all(p.exists() for p in papers.values())


def test_a_supplement_is_added_after_the_papers_without_changing_them(tmp_path: Path, papers):
    folder = tmp_path / "cabinet"
    new_pack(folder, [papers["agenda"], papers["report"]])
    before = (folder / "pack.yaml").read_text(encoding="utf-8")
    late = tmp_path / "late"
    late.mkdir()
    # Same file name as a paper already in the pack: a second copy, a second id.
    supplement = text_pdf(late / "24-00108 - Budget Monitoring Report.pdf", [["Updated report"]])
    added = add_papers(folder, [supplement])
    after = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    docs = _entries(folder)
    assert [d["id"] for d in docs][-1] == added[0].id == "24-00108-budget-monitoring-report-2"
    assert (folder / docs[-1]["file"]).read_bytes() == supplement.read_bytes()
    assert (folder / docs[1]["file"]).read_bytes() == papers["report"].read_bytes()


def test_a_pack_is_not_made_over_another_or_from_a_file_that_is_not_a_pdf(tmp_path: Path, papers):
    folder = tmp_path / "cabinet"
    new_pack(folder, [papers["agenda"]])
    with pytest.raises(PackError, match="already holds a pack"):
        new_pack(folder, [papers["report"]])
    text = tmp_path / "notes.txt"
    text.write_text("not a paper", encoding="utf-8")
    with pytest.raises(PackError, match="notes.txt: this file is not a PDF"):
        new_pack(tmp_path / "other", [text])
    assert not (tmp_path / "other" / "pack.yaml").exists()


def test_the_command_line_makes_the_pack_and_names_a_locked_paper(tmp_path: Path, papers, capsys):
    locked = encrypted_pdf(tmp_path / "incoming" / "Exempt report.pdf")
    folder = tmp_path / "cli-pack"
    code = main(["pack", "new", str(folder), str(papers["report"]), str(locked), "--title", "Cabinet"])
    out, err = capsys.readouterr()
    assert code == 1  # made, but one paper cannot be read
    assert "papers/Exempt report.pdf: this PDF is protected by a password" in err
    assert "Traceback" not in err
    assert [d["id"] for d in _entries(folder)] == ["24-00108-budget-monitoring-report", "exempt-report"]
    assert main(["pack", "add", str(folder), str(papers["minutes"])]) == 0
    assert len(_entries(folder)) == 3


@pytest.mark.skipif(not KENT.is_dir(), reason="the real Kent papers (../shared/real-packs) are not here")
def test_the_kent_papers_follow_their_agenda(tmp_path: Path):
    folder = tmp_path / "kent"
    added = new_pack(folder, sorted(KENT.glob("*.pdf")))
    ids = [a.id for a in added]
    assert len(ids) == 38 == len(set(ids))
    assert ids[0] == "agenda-frontsheet-30th-jan-2025-10-00-cabinet"
    assert ids[1] == "minutes-of-the-meeting-held-on-9th-january-2025"
    # Items 5, 7, 8 and 9 by their decision numbers, in the agenda's order.
    first = {
        n: next(i for i, x in enumerate(ids) if x.startswith(n)) for n in ("24-00108", "24-00109", "24-00115")
    }
    assert first["24-00108"] < first["24-00109"] < first["24-00115"]
    assert all(a.date and a.date.startswith(("2024", "2025")) for a in added)


def test_a_machine_made_file_name_gives_way_to_the_first_page_heading(tmp_path: Path):
    paper = text_pdf(
        tmp_path / "scan-2020-17221.pdf",
        [["Annual Report of the Board", "The board met four times this year.", "It agreed the budget."]],
        first_line_size=20,
    )
    (added,) = new_pack(tmp_path / "pack", [paper])
    assert (added.id, added.title) == ("scan-2020-17221", "Annual Report of the Board")
