"""The web page in a real browser: Debian's Chromium, headless, driven by Playwright,
against the real `newsgraph serve` over the seeds and our hostile article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from serving import Server, build_store, get

pytestmark = pytest.mark.model

CHROMIUM = "/usr/bin/chromium"  # make setup installs it (Debian package chromium)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="module")
def server(shared: Path, tmp_path_factory):
    srv = Server(build_store(tmp_path_factory.mktemp("web"), shared))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def putin_meetings(shared: Path) -> list[dict]:
    gold = json.loads((shared / "gold" / "seeds.json").read_text())
    meetings = [m for m in gold["meetings"] if "Vladimir Putin" in m["participants"]]
    assert len(meetings) == 5
    return meetings


def _open(page, server: Server, route: str, view: str) -> None:
    page.goto(f"{server.base}/#/{route}")
    page.wait_for_selector(f".view-{view} h1")


def test_timeline_filters_and_shows_the_five_putin_iran_meetings(page, server,
                                                                 putin_meetings):
    _open(page, server, "timeline", "timeline")
    all_items = page.locator("#timeline-events li").count()
    page.get_by_label("Actors").fill("Russia, Iran")
    page.get_by_label("Type").select_option("CONSULT")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"type=CONSULT"))
    page.wait_for_selector(".view-timeline #timeline-events li")
    items = page.locator("#timeline-events li.event")
    texts = [items.nth(i).inner_text() for i in range(items.count())]
    assert 5 <= len(texts) < all_items
    assert all("CONSULT" in t for t in texts)
    for meeting in putin_meetings:
        hits = [t for t in texts if meeting["city"] in t]
        assert len(hits) == 1, (meeting["city"], texts)
    for t in texts:  # each event shows status, confidence and number of sources
        assert re.search(r"confidence (n/a|\d+%) · \d+ sources?", t), t
    # zoom from years into 2024, by keyboard on the bar of the axis
    bar = page.locator('rect.bar[data-bucket="2024"]')
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"since=2024&until=2024"))
    page.wait_for_selector(".view-timeline figcaption")
    assert "Events per month" in page.locator("figcaption").inner_text()
    texts = page.locator("#timeline-events li.event").all_inner_texts()
    # events of 2024 (an interval overlapping it included), none of 2022 or 2025 alone
    assert any("Ashgabat" in t for t in texts) and any("Astana" in t for t in texts)
    assert not any("Tianjin" in t or "Samarkand" in t for t in texts), texts


def test_event_page_highlights_each_source_sentence(page, server):
    _open(page, server, "timeline?actor=Russia,Iran&type=CONSULT", "timeline")
    page.get_by_role("link", name=re.compile("in Ashgabat")).click()
    page.wait_for_selector(".view-event h1")
    event_id = page.url.rsplit("/", 1)[1]
    status, event = get(f"{server.base}/api/events/{event_id}")
    assert status == 200 and len(event["sources"]) >= 2
    cards = page.locator("article.source")
    assert cards.count() == len(event["sources"])
    for i, source in enumerate(event["sources"]):
        card = cards.nth(i)
        marks = card.locator("blockquote mark")
        assert marks.count() == 1
        assert marks.first.inner_text().strip() == source["sentence"].strip()
        assert (source["published"] or "undated") in card.locator(".meta").inner_text()
        assert card.get_by_role("link", name="open in the reader").count() == 1
    page.get_by_role("button", name="Show the whole article").first.click()
    assert cards.first.locator("blockquote mark").count() == 1
    assert "Each source’s own status and date" in page.locator("table.claims").inner_text()


def test_relation_view_shows_russia_and_iran_by_month(page, server, putin_meetings):
    _open(page, server, "relation?a=Russia&b=Iran", "relation")
    assert page.locator("h1").inner_text() == "Russia and Iran"
    for meeting in putin_meetings:
        month = meeting["date"][:7]
        if month == "2022-01":  # the Moscow visit is dated by an interval in the seeds
            continue
        assert page.locator(f'rect.bar[data-month="{month}"][data-type="CONSULT"]').count() == 1
        assert page.locator(f'.month-table tr[data-month="{month}"]').count() == 1
    texts = page.locator("#relation-events li.event").all_inner_texts()
    for meeting in putin_meetings:
        assert any(meeting["city"] in t for t in texts), meeting["city"]


def test_hostile_article_renders_as_text(page, server):
    _open(page, server, "search?q=lithium", "search")
    page.locator("ol.results a").first.click()
    page.wait_for_selector(".view-doc h1")
    assert "<script>window.__pwned = 'title'</script>" in page.locator("h1").inner_text()
    body = page.locator("blockquote.article-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in body
    assert "onerror=" in body and "javascript:window.__pwned='link'" in body
    assert "link refused" in page.locator(".meta").first.inner_text()
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img").count() == 0
    page.locator("blockquote.article-text a.mark-link").first.click()  # into its event
    page.wait_for_selector(".view-event h1")
    assert page.locator("article.source img, a[href^='javascript:' i]").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_network_and_actor_page_by_keyboard(page, server):
    _open(page, server, "network", "network")
    node = page.locator('g.node[aria-label^="Vladimir Putin"]')
    assert node.count() == 1
    assert page.locator("line.edge").count() >= 3
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".view-actor h1")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert page.locator("h1").evaluate("el => el === document.activeElement")
    assert "president" in page.locator("table.offices").inner_text()
    assert page.locator("ol.events li.event").count() >= 5


def test_quotes_by_speaker(page, server):
    _open(page, server, "quotes", "quotes")
    page.locator(".speakers a", has_text="Vladimir Putin").click()
    page.wait_for_url(re.compile(r"speaker="))
    page.wait_for_selector(".view-quotes h2")
    assert page.locator(".view-quotes h2").inner_text() == "Vladimir Putin"
    quotes = page.locator("li.quote")
    assert quotes.count() >= 3
    assert all("Vladimir Putin" in t for t in quotes.all_inner_texts())
