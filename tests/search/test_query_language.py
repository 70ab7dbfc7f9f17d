import pytest

from briefing_app.search import QuerySyntaxError
from briefing_app.search.query import DocumentName, check_syntax, plain_words, resolve_documents

DOCS = [
    DocumentName("lga-item-3", ("lga-item-3", "LGA Item 3", "Integration...")),
    DocumentName("sn05993", ("sn05993", "SN05993")),
]


@pytest.mark.parametrize(
    "query, sentence",
    [
        ('"big lunch', "closing quotation mark"),
        ("(prevent OR channel", "opened but never closed"),
        ("prevent)", "no opening bracket"),
        ("prevent AND", "'AND' needs a word after it"),
        ("OR prevent", "'OR' needs a word before it"),
        ("i*", "at least two letters before the *"),
        ("~2", "straight after a word"),
        ("-prevent", "not only what to leave out"),
        ("doc:sn05993", "not only what to leave out or which document"),
        ("   ", "Type a word"),
    ],
)
def test_mistakes_become_sentences(query, sentence):
    with pytest.raises(QuerySyntaxError) as info:
        check_syntax(query)
    assert sentence in str(info.value)
    assert "Traceback" not in str(info.value)


def test_doc_filter_accepts_id_or_short_title():
    assert resolve_documents('doc:"LGA Item 3" channel', DOCS) == "doc:lga-item-3 channel"
    assert resolve_documents("doc:SN05993 channel", DOCS) == "doc:sn05993 channel"
    assert resolve_documents("doc:lga_item_3 x", DOCS) == "doc:lga-item-3 x"
    with pytest.raises(QuerySyntaxError, match="no document called 'nope'.*LGA Item 3"):
        resolve_documents("doc:nope x", DOCS)


def test_plain_words_for_spelling_leave_out_operators_and_patterns():
    assert plain_words('intgration OR "big lnuch" NOT unde* doc:sn05993 integraton~ counter-terrorism') == [
        "intgration",
        "big",
        "lnuch",
        "counter",
        "terrorism",
    ]
