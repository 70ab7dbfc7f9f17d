from briefing_app.search.lexicon import Lexicon, bounded_distance


def test_bounded_distance():
    assert bounded_distance("integraton", "integration", 2) == 1
    assert bounded_distance("lnuch", "lunch", 2) == 1  # a swap counts once
    assert bounded_distance("spy", "spying", 2) == 3
    assert bounded_distance("abc", "abc", 0) == 0


def test_near_prefers_closer_then_commoner_words():
    freq = {"integration": 90, "integrating": 3, "interaction": 5}.get
    lex = Lexicon(["integration", "integrating", "interaction", "lunch"], lambda t: freq(t, 1))
    assert lex.near("integraton", 2)[0] == "integration"
    assert lex.suggest("lnuch") == "lunch"
    assert lex.suggest("zzz") is None
