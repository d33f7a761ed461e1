"""Article.mention_at: the indexed lookup gives what a scan over every mention gives."""

import random

from newsgraph.model import Actor, Article, Location, Mention


def _scan(article: Article, start: int, end: int, role: str = "actor") -> Mention | None:
    best, best_key = None, (0, 0)
    for m in article.mentions:
        if m.role != role:
            continue
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        key = (overlap, -(m.end - m.start))
        if key > best_key:
            best, best_key = m, key
    return best


def _mention(rng: random.Random, n: int) -> Mention:
    start = rng.randrange(0, 200)
    end = start + rng.choice([0, 1, 2, 3, 5, 8, 13, 40, -1])
    if rng.random() < 0.3:
        place = Location(name=f"P{n}", country=None)
        return Mention(start, end, f"p{n}", place=place, role="place")
    return Mention(start, end, f"a{n}", actor=Actor(id=f"A{n}", name=f"A{n}", kind="person"))


def test_mention_at_matches_a_full_scan() -> None:
    rng = random.Random(7)
    for _ in range(200):
        art = Article(source="-", raw="")
        art.mentions = [_mention(rng, i) for i in range(rng.randrange(0, 30))]
        for _ in range(60):
            s = rng.randrange(-5, 210)
            e = s + rng.randrange(-2, 30)
            for role in ("actor", "place"):
                assert art.mention_at(s, e, role=role) is _scan(art, s, e, role)


def test_mention_at_sees_new_and_replaced_mentions() -> None:
    art = Article(source="-", raw="")
    actor = Actor(id="X", name="X", kind="country")
    assert art.mention_at(0, 5) is None
    first = Mention(0, 4, "Xland", actor=actor)
    art.mentions.append(first)
    assert art.mention_at(0, 5) is first
    second = Mention(10, 14, "Xish", actor=actor)
    art.mentions = [second]
    assert art.mention_at(0, 5) is None
    assert art.mention_at(11, 12) is second
    art.mentions += [first]
    assert art.mention_at(0, 5) is first
    first.start, first.end = 20, 24  # moved in place: the caller says so
    art.mentions_changed()
    assert art.mention_at(0, 5) is None
    assert art.mention_at(21, 22) is first
