"""The search page in a real browser: headless Chromium driven by Selenium.

Needs Debian's chromium and chromium-driver (.ci/run installs them). The
test fails, never skips, when they are missing. A screenshot of each step
goes to build/screenshots/.
"""

import shutil
import threading
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from .conftest import ROOT, app_for

SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def server(sample_index):
    app = app_for(sample_index)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "install Debian's chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=ar",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


@contextmanager
def sized(browser, width, height=900):
    """The browser at `width` CSS pixels (under 500: a phone); yields the
    screenshots' word for it, "phone" or "desktop"."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
    )
    try:
        yield "phone" if width < 500 else "desktop"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def shoot(browser, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def total(browser):
    return int(browser.find_element(By.ID, "total").text.replace(",", ""))


def submit(browser, box, text):
    """Type `text` into a form's box and send it; returns once the browser
    is on the page it asked for (not reading the page it left)."""
    left = browser.current_url
    box.send_keys(text + Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: b.current_url != left)


def test_search_facet_and_histogram_in_arabic_rtl(server, browser):
    browser.get(server + "/")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    everything = total(browser)

    box = browser.find_element(By.NAME, "q")
    submit(browser, box, "الأمم المتحدة")
    found = total(browser)
    assert 0 < found < everything
    marks = browser.find_elements(By.CSS_SELECTOR, ".hit mark")
    assert marks and any("الأمم" in m.text or "المتحدة" in m.text for m in marks)

    # Right to left: the facet column stands to the right of the results.
    facets = browser.find_element(By.CSS_SELECTOR, "aside.facets").rect
    results = browser.find_element(By.CSS_SELECTOR, "section.results").rect
    assert facets["x"] > results["x"]
    assert (
        browser.execute_script(
            "return getComputedStyle(document.querySelector('.hit h3')).direction"
        )
        == "rtl"
    )
    shoot(browser, "1-search")

    source_link = browser.find_element(By.CSS_SELECTOR, "#facet-source li a")
    source_name = source_link.find_element(By.CSS_SELECTOR, ".value").text
    source_count = int(source_link.find_element(By.CSS_SELECTOR, ".count").text.replace(",", ""))
    source_link.click()
    assert total(browser) == source_count
    assert parse_qs(urlsplit(browser.current_url).query)["source"] == [source_name]
    assert (
        browser.find_element(By.CSS_SELECTOR, "#facet-source li.selected .value").text
        == source_name
    )
    assert all(
        source_name in m.text for m in browser.find_elements(By.CSS_SELECTOR, ".hit .source")
    )
    shoot(browser, "2-facet")

    browser.get(server + "/")
    bar = browser.find_elements(By.CSS_SELECTOR, "#facet-date .bar")[-1]
    first, last = bar.get_attribute("data-from"), bar.get_attribute("data-to")
    bar.click()
    state = parse_qs(urlsplit(browser.current_url).query)
    assert state["date_from"] == [first] and state["date_to"] == [last]
    dates = [
        t.get_attribute("datetime")[:10]
        for t in browser.find_elements(By.CSS_SELECTOR, ".hit time")
    ]
    assert dates and all(first <= d <= last for d in dates)
    assert total(browser) < everything
    # A date after Arabic words (as in a near copy's line: its outlet, then
    # its date) reads left to right, year first: its characters stand left
    # to right on the screen, not 07-05-2018.
    shown = browser.find_element(By.CSS_SELECTOR, ".hit time")
    places = browser.execute_script(
        """arguments[0].before("نشرت في ");
        const text = arguments[0].firstChild, xs = [];
        for (let i = 0; i < text.length; i++) {
          const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
          xs.push(r.getBoundingClientRect().x);
        }
        return xs;""",
        shown,
    )
    assert places == sorted(places), shown.text
    shoot(browser, "3-histogram")


def test_a_name_under_every_spelling_and_its_actor_chip(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    submit(browser, box, "ترامب")
    also = browser.find_element(By.ID, "also-searched")
    assert also.is_displayed() and "ترمب" in also.text
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".hit h3")]
    assert any("ترمب" in t for t in titles) and any("ترامب" in t for t in titles)
    marks = {m.text for m in browser.find_elements(By.CSS_SELECTOR, ".hit mark")}
    assert {"ترامب", "ترمب"} <= marks
    shoot(browser, "4-also-searched")

    chip = next(
        c
        for c in browser.find_elements(By.CSS_SELECTOR, ".hit a.actor")
        if c.text == "إيمانويل ماكرون"
    )
    chip.click()
    assert parse_qs(urlsplit(browser.current_url).query)["actor"] == ["إيمانويل ماكرون"]
    assert total(browser) == len(browser.find_elements(By.CSS_SELECTOR, ".hit")) > 0
    for hit in browser.find_elements(By.CSS_SELECTOR, ".hit"):
        assert "إيمانويل ماكرون" in [a.text for a in hit.find_elements(By.CSS_SELECTOR, "a.actor")]
    assert (
        browser.find_element(By.CSS_SELECTOR, "#facet-actor li.selected .value").text
        == "إيمانويل ماكرون"
    )


def test_phone_width_stacks_the_facets_below(server, browser):
    with sized(browser, 390, height=844):
        browser.get(server + "/?q=بوتين")
        assert browser.execute_script("return window.innerWidth") == 390
        facets = browser.find_element(By.CSS_SELECTOR, "aside.facets").rect
        results = browser.find_element(By.CSS_SELECTOR, "section.results").rect
        assert facets["y"] > results["y"]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        shoot(browser, "4-phone")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_journalists_day_drill_down_chips_actors_and_a_suggestion(server, browser, width):
    browser.set_window_size(width, 900)
    try:
        # A misspelled name: the suggestion, followed.
        browser.get(server + "/?q=ترانب")
        assert total(browser) == 0
        suggestion = browser.find_element(By.CSS_SELECTOR, "#did-you-mean a")
        assert suggestion.is_displayed() and "ترامب" in suggestion.text
        shoot(browser, f"4-suggestion-{width}")
        suggestion.click()
        assert total(browser) > 0
        # The busiest period, twice: the histogram counts within it, then a day is chosen.
        for _ in range(2):
            busiest = browser.find_element(By.CSS_SELECTOR, "#date-busiest a")
            assert busiest.is_displayed()  # readable without hovering, phone too
            key = busiest.text
            busiest.click()
            keys = [
                b.get_attribute("data-key") for b in browser.find_elements(By.CSS_SELECTOR, ".bar")
            ]
            assert keys and all(k.startswith(key) for k in keys)
        shoot(browser, f"5-drill-down-{width}")
        # The chosen dates are a chip above the results: removed, every date is back.
        narrowed = total(browser)
        chip = browser.find_element(By.CSS_SELECTOR, "#active-filters .chip")
        assert (
            chip.is_displayed()
            and chip.location["y"] < browser.find_element(By.CSS_SELECTOR, ".hits").location["y"]
        )
        chip.click()
        assert total(browser) >= narrowed and not browser.find_elements(By.CSS_SELECTOR, ".chip")
        # Two actors: articles naming both, fewer than either.
        browser.get(server + "/?actor=إيمانويل+ماكرون&actor=دونالد+ترامب")
        both = total(browser)
        browser.find_element(By.CSS_SELECTOR, "#match-actor a").click()
        assert total(browser) > both > 0
        shoot(browser, f"6-actors-{width}")
        # The facet's "more" page: every source, found by part of its name, then chosen.
        browser.get(server + "/?q=ترامب")
        browser.find_element(By.ID, "more-source").click()
        box = browser.find_element(By.NAME, "contains")
        submit(browser, box, "فرانس")
        values = browser.find_elements(By.CSS_SELECTOR, ".facet-values .value")
        assert values and all("فرانس" in v.text for v in values)
        shoot(browser, f"7-more-{width}")
        count = int(
            browser.find_element(By.CSS_SELECTOR, ".facet-values .count").text.replace(",", "")
        )
        values[0].click()
        assert total(browser) == count
        # The actors' "more" page: each count on its own entry's line, beside its box.
        browser.get(server + "/facets/actor")
        entries = browser.find_elements(By.CSS_SELECTOR, ".facet-values li")
        assert len(entries) > 10
        boxes = [e.find_element(By.CSS_SELECTOR, ".box").rect for e in entries]

        def gap(a, b):  # horizontal distance between two boxes' nearest edges
            return max(0, max(a["x"], b["x"]) - min(a["x"] + a["width"], b["x"] + b["width"]))

        for entry, own in zip(entries, boxes, strict=True):
            number = entry.find_element(By.CSS_SELECTOR, ".count").rect
            others = [b for b in boxes if b is not own and abs(b["y"] - own["y"]) < 5]
            assert all(gap(number, own) < gap(number, other) for other in others), entry.text
        for entry in entries:
            box = entry.find_element(By.CSS_SELECTOR, ".box").rect
            number = entry.find_element(By.CSS_SELECTOR, ".count").rect
            profile = entry.find_element(By.CSS_SELECTOR, ".profile-link").rect
            for part in (number, profile):  # the same line: their middles within the box's height
                middle = part["y"] + part["height"] / 2
                assert box["y"] <= middle <= box["y"] + box["height"] + 2, entry.text
        shoot(browser, f"7-more-actors-{width}")
        # Nothing is wider than the screen: not a long address, not an article.
        for path in ("/?q=ترامب", "/articles/bw-001"):
            browser.get(server + path)
            assert browser.execute_script(
                "return document.documentElement.scrollWidth <= window.innerWidth"
            ), path
    finally:
        browser.set_window_size(1280, 900)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_an_actors_page_from_a_facet_entry(server, browser, width):
    """From the actor facet's ⓘ to the actor's page: its name, its timeline,
    its outlets, the actors named with it, its spellings; nothing wider than
    the screen; its search link back to the search of its articles."""
    with sized(browser, width):
        browser.get(server + "/?q=بوتين")
        entry = next(
            li
            for li in browser.find_elements(By.CSS_SELECTOR, "#facet-actor li")
            if li.find_element(By.CSS_SELECTOR, ".value").text == "فلاديمير بوتين"
        )
        entry.find_element(By.CSS_SELECTOR, "a.profile-link").click()
        assert browser.find_element(By.ID, "actor-name").text.startswith("فلاديمير بوتين")
        articles = int(browser.find_element(By.ID, "actor-total").text)
        assert articles >= 3
        bars = browser.find_elements(By.CSS_SELECTOR, ".histogram .bar")
        assert bars and all(b.size["height"] > 0 for b in bars)
        assert browser.find_elements(By.CSS_SELECTOR, "#actor-sources li")
        assert browser.find_elements(By.CSS_SELECTOR, "#co-actors li")
        spellings = browser.find_element(By.ID, "spellings").text
        assert "بوتن" in spellings
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        if width < 500:  # the actor first, its facets below
            head = browser.find_element(By.CSS_SELECTOR, ".actor-head").rect
            assert browser.find_element(By.CSS_SELECTOR, "aside.facets").rect["y"] > head["y"]
        shoot(browser, f"5-actor-{'phone' if width < 500 else 'desktop'}")
        browser.find_element(By.ID, "actor-search").click()
        assert parse_qs(urlsplit(browser.current_url).query)["actor"] == ["فلاديمير بوتين"]
        assert total(browser) == articles


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_list_searched_in_one_step_a_timeline_and_the_last_page(server, browser, width):
    """The batch page from the header: a pasted list becomes a table of
    totals per year and outlet; the timeline keeps its empty periods in
    place; the pager reaches the last page and says which it is."""
    with sized(browser, width) as name:
        browser.get(server + "/")
        browser.find_element(By.ID, "batch-link").click()
        browser.find_element(By.ID, "queries").send_keys("بوتين\nترامب\nقزحزقز")
        browser.find_element(By.CSS_SELECTOR, "#batch-form button:not([name])").click()
        rows = browser.find_elements(By.CSS_SELECTOR, "#batch-results tbody tr")
        assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == ["بوتين", "ترامب", "قزحزقز"]
        counts = [r.find_element(By.CSS_SELECTOR, "td.count").text for r in rows]
        assert int(counts[0]) >= 3 and counts[2] == "0"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        browser.execute_script("document.getElementById('batch-results').scrollIntoView()")
        shoot(browser, f"6-batch-{name}")
        # Every period in place: the bars' periods follow one another.
        browser.get(server + "/")
        bars = browser.find_elements(By.CSS_SELECTOR, "#facet-date .histogram .bar")
        empty = browser.find_elements(By.CSS_SELECTOR, "#facet-date .histogram .bar.empty")
        assert empty and len(bars) > len(empty)
        assert all(e.tag_name == "span" for e in empty)  # nothing to click: no article there
        shoot(browser, f"6-timeline-{name}")
        browser.get(server + "/?size=5")
        pages = browser.find_element(By.ID, "page-of").text
        last = pages.split(" من ")[1]
        browser.find_element(By.ID, "last-page").click()
        assert browser.find_element(By.ID, "page-of").text == f"صفحة {last} من {last}"
        assert browser.find_elements(By.ID, "first-page")
        shoot(browser, f"6-last-page-{name}")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_pasted_link_finds_its_article(server, browser, width):
    """A link copied from a browser's address bar, pasted into the search
    box: the article published there, said so; a link the archive does not
    hold: its words, said so too; a long address never widens the page."""
    with sized(browser, width) as name:
        for link, found in (
            ("https://news.example/bw-001", True),
            ("https://news.example/ar/2023/" + "%D8%A8%D9%88%D8%AA%D9%8A%D9%86-" * 8, False),
        ):
            browser.get(server + "/")
            box = browser.find_element(By.NAME, "q")
            submit(browser, box, link)
            notice = browser.find_element(By.ID, "address")
            if found:
                assert notice.text.startswith("ما نُشر على هذا العنوان")
                hits = browser.find_elements(By.CSS_SELECTOR, ".hit h3 a")
                assert [h.get_attribute("href").rsplit("/", 1)[1] for h in hits] == ["bw-001"]
            else:
                assert notice.text.startswith("لا مقالة في الأرشيف منشورة على العنوان")
                assert "بوتين-بوتين" in notice.text  # the address, decoded
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
            shoot(browser, f"7-link-{'found' if found else 'missing'}-{name}")


@pytest.fixture(scope="module")
def meaning_server(embedded_sample):
    """The sample, indexed and embedded, served."""
    httpd = make_server("127.0.0.1", 0, app_for(embedded_sample), threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_an_english_search_finds_arabic_articles_marked_by_meaning(meaning_server, browser, width):
    """An English query: the Arabic articles it means, each marked «بالمعنى»,
    the notice of what meaning added, and the link to the words alone."""
    with sized(browser, width) as name:
        browser.get(meaning_server + "/")
        box = browser.find_element(By.NAME, "q")
        submit(browser, box, "earthquake in Morocco")
        first = browser.find_element(By.CSS_SELECTOR, ".hit h3")
        assert "المغرب" in first.text and first.find_element(By.CLASS_NAME, "by-meaning")
        notice = browser.find_element(By.ID, "meaning")
        assert notice.text.startswith("وجد البحث بالمعنى")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"8-english-{name}")
        browser.find_element(By.ID, "words-only").click()
        assert total(browser) == 0
        assert browser.find_element(By.ID, "with-meaning")
        # Other words for the same story: the story first, and below it the
        # other earthquake, which meaning alone found (marked).
        browser.get(meaning_server + "/?q=هزة أرضية عنيفة في مراكش")
        hits = browser.find_elements(By.CSS_SELECTOR, ".hit h3")
        assert "المغرب" in hits[0].text
        marked = [h.text for h in hits if h.find_elements(By.CLASS_NAME, "by-meaning")]
        assert any("تركيا" in title for title in marked)
        shoot(browser, f"8-paraphrase-{name}")


@pytest.fixture(scope="module")
def accounts_server(sample_index, tmp_path_factory):
    """The sample served with accounts (BAHTH_USERS): one, «layla»."""
    from webui import accounts

    users = tmp_path_factory.mktemp("accounts") / "users"
    accounts.add(users, "layla", "kalimat-sirr-1")
    httpd = make_server("localhost", 0, app_for(sample_index, users=str(users)), threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    # localhost: a browser keeps a Secure cookie there without https.
    yield f"http://localhost:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_login_page_a_wrong_password_then_the_archive(accounts_server, browser, width):
    """A search asked for without an account: the login page in Arabic, right
    to left; a wrong password says so; the right one goes back to the search,
    the account's name and «خروج» in the header; leaving asks again."""
    browser.delete_all_cookies()
    with sized(browser, width) as name:
        browser.get(accounts_server + "/?q=زلزال")
        assert urlsplit(browser.current_url).path == "/login"
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
        assert browser.find_element(By.TAG_NAME, "h1").text == "الدخول إلى الأرشيف"
        assert not browser.find_elements(By.NAME, "q")  # no search box before an account
        browser.find_element(By.ID, "login-name").send_keys("layla")
        browser.find_element(By.ID, "login-password").send_keys("wrong" + Keys.ENTER)
        assert "غير صحيحة" in browser.find_element(By.ID, "login-failed").text
        assert browser.find_element(By.ID, "login-name").get_attribute("value") == "layla"
        shoot(browser, f"9-login-failed-{name}")
        browser.find_element(By.ID, "login-password").send_keys("kalimat-sirr-1" + Keys.ENTER)
        WebDriverWait(browser, 30).until(lambda b: urlsplit(b.current_url).path == "/")
        assert parse_qs(urlsplit(browser.current_url).query)["q"] == ["زلزال"]
        assert total(browser) == 2
        assert browser.find_element(By.ID, "account-name").text == "layla"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        shoot(browser, f"9-signed-in-{name}")
        cookie = browser.get_cookie("bahth_session")
        assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
        browser.find_element(By.ID, "logout").click()
        WebDriverWait(browser, 30).until(lambda b: urlsplit(b.current_url).path == "/login")
        browser.get(accounts_server + "/?q=زلزال")
        assert urlsplit(browser.current_url).path == "/login"


@pytest.mark.parametrize("width", [1366, 390])
def test_the_keyboard_skips_to_the_results_and_the_month_counts_scroll_down(server, browser, width):
    with sized(browser, width) as seen:
        browser.get(server + "/?q=" + "زلزال")
        # A results page does not take the focus to the box: the first Tab
        # offers to skip the facets, and the next lands among the results.
        assert browser.switch_to.active_element.get_attribute("name") != "q"
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        skip = browser.switch_to.active_element
        assert skip.text == "تخطَّ إلى النتائج" and skip.is_displayed()
        skip.send_keys(Keys.ENTER)
        browser.switch_to.active_element.send_keys(Keys.TAB)
        landed = browser.switch_to.active_element
        assert browser.execute_script(
            "return document.getElementById('results').contains(arguments[0])", landed
        )
        # The counts by month open and scroll down, never out of sight sideways.
        browser.get(server + "/")
        browser.find_element(By.CSS_SELECTOR, ".date-counts summary").click()
        listed = browser.find_element(By.CSS_SELECTOR, ".date-counts ol")
        assert browser.execute_script(
            "return arguments[0].scrollWidth <= arguments[0].clientWidth", listed
        )
        shoot(browser, f"7-keyboard-{seen}")
    # The home page, with nothing asked yet, puts the cursor in the box.
    browser.get(server + "/")
    assert browser.switch_to.active_element.get_attribute("name") == "q"
