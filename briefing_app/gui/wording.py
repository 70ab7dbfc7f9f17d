"""Every sentence the window shows a user, in one place: status messages, dialog titles and
questions, and how a problem is put. Core code raises errors; the words to show are chosen here."""

from __future__ import annotations

APP = "Briefing"
SELECT_FIRST = "Select some words in the text first."
SELECT_TO_REATTACH = "Select the passage in the text to attach the note to."
COPIED_WITH_CITATION = "Copied with its citation."
BOOKMARKED = "Bookmarked."
SAVED = "Saved {name}"
EXPORTED = "Exported to {name}"
WRITING = "Writing {name}…"
OPEN_COMPARISON_FIRST = "Open a comparison first (View > Comparisons)."
BACK_TO_COMPARISON = "Back (Alt+Left) returns to the comparison."
ZOOM = "Zoom {percent}%"
INDEX_REBUILT = "Search index rebuilt: {why}."
PREPARING_SEARCH = "Preparing search…"
BUILDING_INDEX = "Building the search index"
COMPARISON_HAS_NO_NOTES = (
    "A comparison has no notes of its own. Its quotations open the documents, with theirs."
)
PACK_NOT_OPENED = "This pack could not be opened.\n\n{error}"
NO_DOCUMENT_OPENED = "None of this pack's documents could be opened. See the problems above."
NOT_A_PACK = "{folder} is not a pack that can be opened, so the pack that was open stays open.\n\n{error}"
NO_DOCUMENT = "Open a document first."
NO_SUCH_DOCUMENT = "briefing-app: there is no document '{doc_id}' in this pack"

OPEN_PACK_TITLE = "Open a pack (a folder with pack.yaml)"
OPEN_PACK_FAILED_TITLE = "Open pack"
EXPORT_PDF_TITLE = "Export as PDF"
EXPORT_COMPARISON_TITLE = "Export comparison"
EXPORT_ANNOTATIONS_TITLE = "Export annotations"
IMPORT_ANNOTATIONS_TITLE = "Import annotations"
NOT_WRITTEN = "{name} could not be written: {why}"
NOT_IMPORTED = "{name} could not be imported: {why}"
SHOW_ANNOTATIONS = "&Show my highlights and comments"
COMMENT_TITLE = "Comment"
COMMENT_PROMPT = "Your comment on this passage:"
COMMENT_HINT = "Ctrl+Enter saves; Tab goes to the buttons."
TAGS_TITLE = "Tags"
TAGS_PROMPT = "Tags, separated by commas:"
COLOUR_TITLE = "Colour"
NOT_SAVED_TITLE = "Not saved"
NOT_SAVED = (
    "Your change to your highlights and comments was not saved.\n\n{why}\n\n"
    "Nothing you chose or typed is lost: the text stays selected, and a comment you wrote is shown "
    "again the next time you open the comment box (Ctrl+Alt+M)."
)

GOTO_PLACEHOLDER = "Go to: para 5.2, p. 8, note 12"
GOTO_NOT_UNDERSTOOD = "Type a place as a meeting names it: para 5.2, p. 8 or note 12."
GOTO_NOT_FOUND = "{doc} has no {what}."
GOTO_WHAT = {"para": "paragraph {value}", "page": "page {value}", "note": "note {value}"}

BOOKMARKS_TITLE = "Bookmarks"
BOOKMARK_RENAME_PROMPT = "Name for this bookmark:"
NO_BOOKMARKS = "No bookmarks yet: Ctrl+D bookmarks the place you are reading."

THEME_NAMES = {
    "system": "Follow the &System",
    "light": "&Light",
    "dark": "&Dark",
    "high-contrast": "&High Contrast",
}

# Keyboard and screen-reader use: what the status bar shows and a screen reader is told.
CARET_ON = "Caret browsing on: arrow keys move a caret, Shift selects, F7 turns it off."
CARET_OFF = "Caret browsing off (F7 turns it on)."
NO_NOTE_AFTER = "No note marker after here in this document."
NO_NOTE_BEFORE = "No note marker before here in this document."
NOTE_REACHED = "{note}. Enter opens it."
HIT_REACHED = "Hit: {where}. {snippet}"
IN_HIGHLIGHT = "In your highlight."
IN_HIGHLIGHT_COMMENTED = "In your highlight. Your comment: {comment}"
READER_DESCRIPTION = (
    "The document's text. F7 turns caret browsing on or off; with it, Shift and the arrow keys select. "
    "Alt+Down and Alt+Up go to the next and previous note marker, Enter opens its note. F3 and "
    "Shift+F3 go to the next and previous search hit. The Notes sidebar (Ctrl+Shift+N) lists every "
    "note and the search results every hit. Tab leaves the text; F6 moves between panes."
)
DESCRIPTIONS = {  # object name -> what the control is for, where a name alone does not say
    "reader": READER_DESCRIPTION,
    "documentList": "The pack's documents and comparisons; Enter or a click opens one.",
    "toc": "The headings of this document; Enter goes to one.",
    "notesList": "The notes of this document, with their citations; Enter goes to a note's marker.",
    "searchField": "Type words to search every document of the pack; Enter opens the first hit.",
    "searchResults": "Hits grouped by document; Enter opens one. F3 steps through them from the text.",
    "annotationsTree": "Your highlights and comments, by document; Enter opens one.",
    "comparisonView": "Passages side by side; Tab steps through the quotations, Enter opens one.",
    "goToBox": "Type a place as a meeting names it (para 5.2, p. 8, note 12) and press Enter.",
}

NEW_PACK_PAPERS_TITLE = "New pack: choose the PDF papers"
NEW_PACK_FOLDER_TITLE = "New pack: choose a new, empty folder for it"
ADD_PAPERS_TITLE = "Add papers to {pack}"
PDF_FILTER = "PDF papers (*.pdf *.PDF);;All files (*)"
PACK_MAKING_FAILED_TITLE = "Papers"
NO_PACK_TO_ADD_TO = "Open the pack the papers belong to first (File > Open Pack)."
BUNDLED_PACK_FIXED = (
    "The pack that comes with Briefing cannot be changed. Make a new pack from the papers instead "
    "(File > New Pack from PDFs)."
)
PACK_NOT_MADE = "The pack could not be made.\n\n{error}"
PAPERS_NOT_ADDED = "The papers could not be added.\n\n{error}"
PAPERS_ADDED = "{count} paper(s) added to {pack}; the search index is brought up to date in the background."
READING_PACK = "Reading the papers of {folder}: the first is shown as soon as it is read."
READING_PAPERS = "Reading the papers: {done} of {total} ready. Search opens when all are read."
NO_TEXT_LAYER_HINT = "This paper is a scan: its pages are shown, and search cannot see them."
