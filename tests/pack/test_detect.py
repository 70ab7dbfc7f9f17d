from briefing_app.pack.readers import detect_format


def test_markdown_by_markers_and_headings():
    assert detect_format("# Title\n\nText.<sup>1</sup>\n\n## Part\n") == "markdown"


def test_pdf_text_by_wrapped_lines_with_trailing_spaces():
    line = "This publication sets out our approach to creating an integrated society. \n"
    assert detect_format(line * 20) == "pdf-text"


def test_plain_report_otherwise():
    assert (
        detect_format("Item 3\n\nTitle\n\n1. A paragraph that runs on without wrapping at all.\n") == "report"
    )
