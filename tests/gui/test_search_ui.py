"""Typing a query in the window, reading the results, opening a hit."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing_app.gui.notes_sidebar import KEY_ROLE
from briefing_app.gui.search_panel import HIT_ROLE, HitsModel, SearchPanel
from briefing_app.gui.search_worker import QueryWorker
from briefing_app.search.entries import Entry
from briefing_app.search.results import SearchHit, SearchResult, grouped


@pytest.fixture
def window(window, qtbot):
    """The shared window, once its search index is open."""
    qtbot.waitUntil(lambda: window.searching.is_ready, timeout=10_000)
    return window


def search(window, qtbot, text: str) -> SearchResult | None:
    panel = window.searching.panel
    with qtbot.waitSignal(panel.resultShown, timeout=5000) as shown:
        window.searching.search(text)
    return shown.args[0]


def group_titles(panel) -> list[str]:
    model = panel.results.model()
    return [model.index(row, 0).data() for row in model.starts]


def hit_index(panel, group: int, row: int) -> QModelIndex:
    model = panel.results.model()
    return model.index(model.row_of(group, row), 0)


def every_row(model) -> list:
    while model.feed():  # a new result's first rows, as the panel hands them over
        pass
    while model.canFetchMore(QModelIndex()):  # as the list does when scrolled to its end
        model.fetchMore(QModelIndex())
    return [model.index(row, 0).data(HIT_ROLE) for row in range(model.rowCount())]


def test_typing_searches_after_a_pause_and_groups_by_document(window, qtbot):
    panel = window.searching.panel
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        qtbot.keyClicks(window.search_field, "big lunch")
    assert window.search_dock.isVisible()
    result = panel.result
    assert result.query == "big lunch" and result.total == 3
    assert group_titles(panel) == [
        "Creating the conditions (1)",
        "LGA Item 3 (1)",
        "North Yorkshire Item 9 (1)",
    ]
    assert "3 matches in 3 documents" in panel.status.text()


def test_opening_a_hit_shows_the_passage_with_every_hit_highlighted(window, qtbot):
    search(window, qtbot, "snooping")
    panel = window.searching.panel
    index = hit_index(panel, 0, 0)
    panel.results.scrollTo(index)
    qtbot.waitUntil(lambda: panel.results.visualRect(index).height() > 0)  # laid out
    rect = panel.results.visualRect(index)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.document_model.id == "lga-item-3"
    block = next(b for b in window.reader.document_model.blocks if b.number == "5.2")
    cursor = window.reader.textCursor()
    assert window.reader.render_map.block_at(cursor.position()) == block.id
    assert [s.cursor.selectedText() for s in window.reader.extraSelections()] == ["snooping"]


def test_every_hit_in_the_document_is_marked(window, qtbot):
    search(window, qtbot, "Channel OR snooping OR Gurkha")
    hits = window.searching.panel.hits()
    window.searching.panel.hitActivated.emit(next(h for h in hits if h.doc == "stronger-together"))
    marked = [s.cursor.selectedText().lower() for s in window.reader.extraSelections()]
    assert marked and set(marked) == {"channel"}


def test_enter_opens_the_best_hit_and_f3_steps_in_reading_order(window, qtbot):
    panel = window.searching.panel
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Prevent")
    with qtbot.waitSignal(panel.hitActivated, timeout=5000) as opened:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    result = panel.result
    assert opened.args[0] is result.groups[0].best  # the ranking picks the first hit shown
    doc = result.groups[0]
    place = doc.hits.index(doc.best)
    assert 0 < place < len(doc.hits) - 1, "the best hit is not the document's first or last"
    steps = []
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_F3)
        steps.append(panel.results.currentIndex().data(HIT_ROLE))
    assert steps == [doc.hits[place + 1], doc.hits[place + 2]]  # on through the document, in order
    assert window.reader.document_model.id == doc.doc
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.results.currentIndex().data(HIT_ROLE) is doc.hits[place + 1]


def test_did_you_mean_applies_in_one_click(window, qtbot):
    search(window, qtbot, "big lnuch")
    panel = window.searching.panel
    assert "Did you mean" in panel.status.text()
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        panel.status.linkActivated.emit("suggest")
    assert window.search_field.text() == "big lunch"
    assert panel.result.total == 3


def test_mistake_and_empty_states_are_sentences(window, qtbot):
    search(window, qtbot, '"big lunch')
    assert "closing quotation mark" in window.searching.panel.status.text()
    search(window, qtbot, "xylophone")
    assert "No matches" in window.searching.panel.status.text()
    assert window.searching.panel.results.model().rowCount() == 0


def test_note_hit_opens_its_marker_and_shows_the_note(window, qtbot):
    search(window, qtbot, '"HC Deb 9 November 2010"')
    (hit,) = window.searching.panel.hits()
    window.searching.panel.hitActivated.emit(hit)
    assert window.reader.document_model.id == "sn05993"
    item = window.notes.list.currentItem()
    assert item is not None and item.data(KEY_ROLE) == "2"  # the note, selected in the sidebar


def test_every_match_is_in_the_list(window, qtbot):
    result = search(window, qtbot, "Prevent")
    panel = window.searching.panel
    model = panel.results.model()
    assert model.rowCount() < result.total  # given to the list a batch at a time
    rows = every_row(model)
    assert [h for h in rows if h is not None] == result.hits and result.total > 100
    assert group_titles(panel)[0].endswith(f"({len(result.groups[0].hits)})")


def _many_hits(n: int) -> SearchResult:
    text = "the word marked here " * 40
    hits = [
        SearchHit(
            Entry(f"d{i % 7}/b{i}", f"d{i % 7}", f"b{i}", "paragraph", "", "", "", 0, i, text), 1.0 / (i + 1)
        )
        for i in range(n)
    ]
    return SearchResult("marked", groups=grouped(hits), ranked=tuple(hits))


class _Engine:
    """A neighbour for the worker: answers each query with a hand-made result, after a while."""

    def __init__(self, answer=SearchResult, delay: float = 0.0) -> None:
        self.answer, self.delay = answer, delay
        self.seen: list[str] = []

    def search(self, text: str) -> SearchResult:
        self.seen.append(text)
        time.sleep(self.delay)
        return self.answer(text)

    def close(self) -> None:
        pass


def _panel_on(qtbot, engine: _Engine) -> SearchPanel:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    worker = QueryWorker(engine, panel)
    panel.set_worker(worker, {})
    panel.resize(400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_five_thousand_hit_result_paints_at_once_formatting_only_rows_shown(qtbot):
    panel = _panel_on(qtbot, _Engine(lambda text: _many_hits(5000)))
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        panel.run("marked")
    panel.results.viewport().repaint()
    model: HitsModel = panel.results.model()
    assert 0 < model.formatted < 100  # a screenful, not five thousand
    assert len([h for h in every_row(model) if h is not None]) == 5000
    panel.worker.close()


def test_the_first_rows_snippets_are_worked_out_off_the_gui_thread(qtbot, monkeypatch):
    import threading

    from briefing_app.gui.search_panel import BATCH
    from briefing_app.search import results

    where: list[str] = []
    real = results.snippet

    def snippet(text, ranges):
        where.append(threading.current_thread().name)
        return real(text, ranges)

    monkeypatch.setattr(results, "snippet", snippet)
    panel = _panel_on(qtbot, _Engine(lambda text: _many_hits(5000)))
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        panel.run("marked")
    assert where == ["search-queries"] * (panel.first_rows() + BATCH)  # on the search thread
    panel.results.viewport().repaint()  # the list paints its first rows: nothing left to work out
    assert threading.main_thread().name not in where
    panel.worker.close()


def test_a_new_results_first_rows_come_a_few_at_a_time(qtbot):
    from briefing_app.gui.search_panel import STEP

    panel = _panel_on(qtbot, _Engine(lambda text: _many_hits(5000)))
    steps: list[int] = []  # rows handed over at a time, up to the first rows (not scrolling)
    model = panel.model
    model.rowsInserted.connect(lambda _p, first, last: last < model.target and steps.append(last - first + 1))
    shown_with: list[int] = []  # the rows the list holds as the result is shown
    panel.resultShown.connect(lambda _result: shown_with.append(model.loaded))
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        panel.run("marked")
    assert shown_with == [STEP]  # what the list lays out at once: a few rows, not forty
    qtbot.waitUntil(lambda: not model.feeding)
    assert model.loaded >= panel.first_rows() and len(steps) > 2 and max(steps) <= STEP
    panel.worker.close()


def test_the_list_does_not_repaint_between_steps_of_its_first_rows(qtbot):
    from PySide6.QtCore import QEvent, QObject

    from briefing_app.gui.search_panel import STEP

    panel = _panel_on(qtbot, _Engine(lambda text: _many_hits(5000)))
    model = panel.model
    painted_with: list[int] = []  # the rows the list held at each paint

    class Paints(QObject):
        def eventFilter(self, _watched, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                painted_with.append(model.loaded)
            return False

    paints = Paints()
    panel.results.viewport().installEventFilter(paints)
    with qtbot.waitSignal(panel.resultShown, timeout=5000):
        panel.run("marked")
    qtbot.waitUntil(lambda: not model.feeding)
    qtbot.wait(50)
    assert panel.results.updatesEnabled()  # the list is live again once the rows are in
    target = model.target
    # Painted with the first step's rows, then with all of them: never with a step in between.
    assert STEP in painted_with and painted_with[-1] >= target
    assert all(n in (0, STEP) or n >= target for n in painted_with), painted_with  # 0: before it
    panel.worker.close()


def test_the_latest_query_wins_and_stale_results_are_dropped(qtbot):
    engine = _Engine(delay=0.2)
    panel = _panel_on(qtbot, engine)
    shown: list = []
    panel.resultShown.connect(shown.append)
    for text in ["p", "pr", "pre", "prev"]:
        panel.run(text)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.wait(500)  # time for any stale result to arrive, were it not dropped
    assert [r.query for r in shown] == ["prev"]
    assert engine.seen[-1] == "prev" and len(engine.seen) <= 2  # the ones in between never ran
    panel.worker.close()


def test_a_damaged_index_is_rebuilt_and_the_search_runs_again(window, qtbot):
    said: list[str] = []
    window.searching.message.connect(said.append)
    window.searching.engine.searcher.close()  # its files fail under it, as a damaged index's do
    panel = window.searching.panel
    window.searching.search("snooping")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.total == 1, timeout=60_000)
    assert len(said) == 1 and "rebuilt" in said[0] and "damaged" in said[0]  # told once
    assert window.searching.engine is not None


def test_the_open_index_is_left_out_of_garbage_collections(window):
    # A full collection walking the pack and the index held Python's lock for ~110 ms on a 10 MB
    # pack, stopping the window while someone typed (bench/search_bench.py --window-only).
    import gc

    assert gc.get_freeze_count() > 0


def test_the_window_builds_an_index_in_writer_processes_however_small_the_pack(qtbot, bundled_pack):
    # A writer in the window's own process sorts all the postings at its commit in one call holding
    # Python's lock: the window stopped for 0.25-0.5 s while Kent's 38 PDFs were indexed
    # (bench/pdf_pack_bench.py). Whoosh's writer processes sort them in processes of their own.
    from briefing_app.gui.search_worker import IndexOpener

    opener = IndexOpener()
    with qtbot.waitSignal(opener.ready, timeout=120_000) as opened:
        opener.start(bundled_pack, rebuild=True)  # built in the cache, as for a pack of one's own
    engine, built = opened.args
    try:
        assert built is not None and built.processes == 2
        assert engine.search('"big lunch"').total == 3  # the processes' segments are all there
    finally:
        engine.close()
