"""A news corpus of any size from our own templates (no real article text): reports of
meetings, agreements, accusations and sanctions between states, with dates, places,
quotes and boilerplate-free bodies of ~150-250 words, deterministic for a seed."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

LEADERS = [("Russian President", "Vladimir Putin", "Moscow"),
           ("Iranian President", "Masoud Pezeshkian", "Tehran"),
           ("Chinese President", "Xi Jinping", "Beijing"),
           ("Turkish President", "Recep Tayyip Erdogan", "Ankara"),
           ("Indian Prime Minister", "Narendra Modi", "New Delhi"),
           ("French President", "Emmanuel Macron", "Paris"),
           ("German Chancellor", "Olaf Scholz", "Berlin"),
           ("Brazilian President", "Luiz Inacio Lula da Silva", "Brasilia")]
COUNTRIES = ["Russia", "Iran", "China", "Turkey", "India", "France", "Germany", "Brazil",
             "Japan", "Egypt", "Saudi Arabia", "South Africa"]
TOPICS = ["energy cooperation", "trade in local currencies", "a new transport corridor",
          "security in the region", "grain exports", "nuclear power plants",
          "visa-free travel", "joint military exercises"]
OUTLETS = ["Wire One", "Daily Two", "Gazette Three", "Post Four", "Herald Five"]
OPENERS = [
    "{t1} {n1} met {t2} {n2} in {city} on {day}, officials said.",
    "{n1} and {n2} held talks in {city} on {day}, according to a statement.",
    "{t1} {n1} hosted {t2} {n2} in {city} on {day} for talks on {topic}.",
]
MIDDLES = [
    "The two leaders discussed {topic} and signed an agreement on {topic2}.",
    "They agreed to expand {topic} and to meet again next year.",
    "\"We have agreed to deepen our partnership,\" {n1} told reporters after the talks.",
    "{n2} said his country was ready to work on {topic2}.",
    "{c1} accused {c2} of blocking progress on {topic}.",
    "{c3} imposed sanctions on companies from {c4} on {day2}, its foreign ministry said.",
    "{c4} condemned the sanctions and said it would respond.",
    "Officials said the talks covered {topic} as well as {topic2}.",
    "Analysts said the meeting showed how both governments see {topic} as a priority.",
]


def article(rng: random.Random, i: int) -> dict[str, str]:
    (t1, n1, _), (t2, n2, city) = rng.sample(LEADERS, 2)
    published = date(2022, 1, 3) + timedelta(days=rng.randrange(1000))
    day = (published - timedelta(days=rng.randrange(3))).strftime("%A")
    c1, c2, c3, c4 = rng.sample(COUNTRIES, 4)
    topic, topic2 = rng.sample(TOPICS, 2)
    values = dict(t1=t1, n1=n1, t2=t2, n2=n2, city=city, day=day, topic=topic, topic2=topic2,
                  c1=c1, c2=c2, c3=c3, c4=c4, day2=published.strftime("%B %-d"))
    body = [rng.choice(OPENERS).format(**values)]
    body += [s.format(**values) for s in rng.sample(MIDDLES, rng.randint(5, 8))]
    paragraphs = [" ".join(body[k:k + 3]) for k in range(0, len(body), 3)]
    return {"url": f"https://news.example/{i}", "outlet": rng.choice(OUTLETS),
            "published": published.isoformat(), "title": f"{n1} and {n2} meet in {city}",
            "text": "\n\n".join(paragraphs)}


def articles(n: int, *, seed: int = 12) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i)


def write(path: Path, n: int, *, seed: int = 12) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for row in articles(n, seed=seed):
            f.write(json.dumps(row) + "\n")
    return path
