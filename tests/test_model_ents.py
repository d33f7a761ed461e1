"""quotes.cues.entity_at reads the entity holding a token as Doc.ents gives it."""

from newsgraph.quotes.cues import entity_at

TEXTS = [
    "Foreign Minister Anna Kowalczyk of Poland met Jean-Luc Martin in Geneva on Monday.",
    "The United Nations Security Council and the European Union spoke after NATO did.",
    "Paris\nLondon and New York hosted the talks; Tokyo declined, officials said.",
]


def test_entity_at_agrees_with_doc_ents(nlp) -> None:
    for text in TEXTS:
        doc = nlp(text)
        assert doc.ents
        for tok in doc:
            want = next(((e.start, e.end) for e in doc.ents if e.start <= tok.i < e.end), None)
            assert entity_at(doc, tok.i) == want
