import html

import pytest

from briefing_app.markup import escape


@pytest.mark.parametrize(
    "text", ["", "plain", "a < b & c > d", "\"quoted\" and 'single'", "&amp; already", "ü — “curly”"]
)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_is_html_escape(text, quote):
    assert escape(text, quote) == html.escape(text, quote)
