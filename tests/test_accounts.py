"""Accounts on Bahth's surfaces: BAHTH_USERS, the login page, HTTP Basic and
tokens, feed tokens, a single sign-on proxy's header, failed logins slowed,
exports recorded. (The page in a real browser: test_browser.)"""

import base64
import html
import json
import re
import subprocess
import sys
from urllib.parse import unquote

import pytest

from indexer import cli
from indexer.settings import SettingsError
from indexer.status import ExitStatus
from webui import accounts
from webui.access import SESSION_HOURS
from webui.accounts import Accounts, AccountsError, Throttle

from .conftest import ROOT, Server, app_for, get

PASSWORD = "kalimat-sirr-1"


@pytest.fixture
def users(tmp_path):
    path = tmp_path / "users"
    accounts.add(path, "layla", PASSWORD)
    accounts.add(path, "omar", "another-secret")
    return path


@pytest.fixture
def app(users, sample_index, tmp_path):
    return app_for(sample_index, users=str(users), export_log=str(tmp_path / "exports.jsonl"))


def client_of(app, address="127.0.0.1"):
    # https: the session cookie is Secure, so a browser sends it over https only.
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client, "https://localhost"


def basic(name, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()}


def api_token(users, name):
    known = Accounts(users)
    return known.token(known.get(name))


def feed_token(users, name, **query):
    known = Accounts(users)
    return known.feed_token(known.get(name), query.items())


SURFACES = [
    "/?q=زلزال",
    "/api/search?q=زلزال",
    "/api/export?q=زلزال&format=csv",
    "/feed.atom?q=زلزال",
    "/api/article/s1",
    "/batch",
    "/api/openapi.json",
]


@pytest.mark.parametrize("path", SURFACES)
def test_anonymous_requests_get_nothing_of_the_archive(app, path):
    client, base = client_of(app)
    response = client.get(base + path)
    text = response.get_data(as_text=True)
    assert "hits" not in text and "<entry>" not in text and 'class="hit' not in text
    if path.startswith(("/api/", "/feed")):
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
        assert response.get_json()["error"]["code"] == "unauthorized"
    else:
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")


def test_health_stays_open_and_tells_nothing_of_the_archive(app, sample_index):
    client, base = client_of(app)
    response = client.get(base + "/api/health")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_the_login_page_gives_a_session_that_reads_every_page(app):
    client, base = client_of(app)
    page = client.get(base + "/login?next=/%3Fq%3Dزلزال")
    assert page.status_code == 200 and 'dir="rtl"' in page.get_data(as_text=True)
    wrong = client.post(base + "/login", data={"name": "layla", "password": "nope", "next": "/"})
    assert wrong.status_code == 401 and "غير صحيحة" in wrong.get_data(as_text=True)
    assert client.get(base + "/api/search?q=زلزال").status_code == 401
    right = client.post(
        base + "/login", data={"name": "layla", "password": PASSWORD, "next": "/?q=زلزال"}
    )
    assert right.status_code == 303 and unquote(right.headers["Location"]) == "/?q=زلزال"
    cookie = right.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get(base + "/?q=زلزال")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="account-name"' in text and "layla" in text
    assert client.get(base + "/api/search?q=زلزال").get_json()["total"] == 2
    assert page.headers["Cache-Control"] == "private, no-store"
    # The page's feed link carries the token of that feed: a feed reader
    # (no session) opens it.
    assert 'id="logout"' in text
    link = html.unescape(re.search(r'href="(/feed\.atom\?[^"]*token=layla\.[^"]*)"', text)[1])
    reader, _ = client_of(app, "198.51.100.7")
    feed = reader.get(base + link)
    assert feed.status_code == 200 and feed.get_data(as_text=True).count("<entry>") == 2
    client.post(base + "/logout")
    assert client.get(base + "/api/search?q=زلزال").status_code == 401


def test_a_session_lasts_twelve_hours_from_its_login_however_busy(app):
    client, base = client_of(app)
    client.post(base + "/login", data={"name": "layla", "password": PASSWORD})
    assert client.get(base + "/api/search?q=زلزال").status_code == 200
    assert "Set-Cookie" not in client.get(base + "/api/search?q=زلزال").headers  # not renewed
    with client.session_transaction(base_url=base) as session:
        session["at"] -= SESSION_HOURS * 3600 + 1
    assert client.get(base + "/api/search?q=زلزال").status_code == 401


def test_login_goes_only_to_a_path_of_this_site(app):
    client, base = client_of(app)
    for elsewhere in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        done = client.post(
            base + "/login", data={"name": "layla", "password": PASSWORD, "next": elsewhere}
        )
        assert done.status_code == 303 and done.headers["Location"] == "/"


def test_a_new_password_or_a_removed_account_ends_its_sessions_and_tokens(app, users):
    client, base = client_of(app)
    client.post(base + "/login", data={"name": "omar", "password": "another-secret"})
    old_token = api_token(users, "omar")
    bearer = {"Authorization": f"Bearer {old_token}"}
    assert client.get(base + "/api/search?q=زلزال", headers=bearer).status_code == 200
    accounts.add(users, "omar", "a-new-secret")
    app.extensions["bahth.access"].accounts._checked = 0  # as a second later
    assert client.get(base + "/api/search?q=زلزال").status_code == 401  # the session
    other, _ = client_of(app)
    assert other.get(base + "/api/search?q=زلزال", headers=bearer).status_code == 401
    accounts.remove(users, "omar")
    app.extensions["bahth.access"].accounts._checked = 0
    assert other.get(base + "/api/search", headers=basic("omar", "a-new-secret")).status_code == 401


def test_basic_and_bearer_tokens_open_the_api(app, users):
    client, base = client_of(app)
    ok = client.get(base + "/api/search?q=زلزال", headers=basic("layla", PASSWORD))
    assert ok.status_code == 200 and ok.get_json()["total"] == 2
    token = api_token(users, "layla")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get(base + "/api/search?q=زلزال", headers=bearer).status_code == 200
    assert client.get(base + "/feed.atom?q=زلزال", headers=bearer).status_code == 200
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    refused = client.get(base + "/api/search?q=x", headers={"Authorization": f"Bearer {forged}"})
    assert refused.status_code == 401
    # A token that is no ASCII: refused, never a 500.
    for odd in ("layla.éé", "layla.%C3%A9", "\u202e"):
        odd_bearer = {"Authorization": f"Bearer {odd}"}
        assert client.get(base + "/api/search?q=x", headers=odd_bearer).status_code == 401
        odd_feed = {"q": "x", "token": odd}
        assert client.get(base + "/feed.atom", query_string=odd_feed).status_code == 401


def test_a_feed_token_opens_its_own_feed_and_nothing_else(app, users):
    client, base = client_of(app)
    token = feed_token(users, "layla", q="زلزال", source="هسبريس")
    asked = {"q": "زلزال", "source": "هسبريس", "token": token}
    feed = client.get(base + "/feed.atom", query_string=asked)
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml"
    reordered = [("source", "هسبريس"), ("token", token), ("q", "زلزال")]
    assert client.get(base + "/feed.atom", query_string=reordered).status_code == 200
    for other in ({"q": "زلزال"}, {"q": "بوتين", "source": "هسبريس"}):
        other_feed = {**other, "token": token}
        assert client.get(base + "/feed.atom", query_string=other_feed).status_code == 401
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get(base + "/api/search?q=x", headers=bearer).status_code == 401
    assert client.get(base + "/api/search", query_string=asked).status_code == 401
    # An API token is no feed token: it never goes in an address.
    api = {"q": "زلزال", "token": api_token(users, "layla")}
    assert client.get(base + "/feed.atom", query_string=api).status_code == 401


def test_failed_logins_are_slowed(app):
    client, base = client_of(app, "192.0.2.7")
    free = app.extensions["bahth.access"].throttle.free
    for _ in range(free):
        assert client.get(base + "/api/search", headers=basic("layla", "x")).status_code == 401
    slowed = client.get(base + "/api/search", headers=basic("layla", PASSWORD))
    assert slowed.status_code == 429 and int(slowed.headers["Retry-After"]) >= 1
    page = client.post(base + "/login", data={"name": "layla", "password": PASSWORD})
    assert page.status_code == 429 and "ثانية" in page.get_data(as_text=True)
    # Nobody locks an account out from elsewhere: layla from her own address goes in.
    hers, _ = client_of(app, "192.0.2.8")
    assert hers.get(base + "/api/search", headers=basic("layla", PASSWORD)).status_code == 200


def test_an_address_trying_many_names_is_slowed_and_a_proxy_names_the_client(
    users, sample_index, tmp_path
):
    """Behind a trusted proxy the client is the last address of
    X-Forwarded-For that the proxy added: one client's failures slow that
    client, not everyone behind the proxy; the export log names the client."""
    app = app_for(
        sample_index,
        users=str(users),
        trusted_proxies="10.0.0.5",
        export_log=str(tmp_path / "exports.jsonl"),
    )
    proxy, base = client_of(app, "10.0.0.5")
    free = app.extensions["bahth.access"].by_address.free

    def via(client_address, name, password):
        forwarded = {"X-Forwarded-For": f"203.0.113.9, {client_address}", **basic(name, password)}
        return proxy.get(base + "/api/search?q=زلزال", headers=forwarded).status_code

    for n in range(free):
        assert via("198.51.100.1", f"name-{n}", "x") == 401
    assert via("198.51.100.1", "omar", "another-secret") == 429  # that client waits
    assert via("198.51.100.2", "omar", "another-secret") == 200  # another does not
    headers = {"X-Forwarded-For": "198.51.100.2", **basic("omar", "another-secret")}
    assert proxy.get(base + "/api/export?q=زلزال", headers=headers).status_code == 200
    recorded = json.loads((tmp_path / "exports.jsonl").read_text())
    assert recorded["address"] == "198.51.100.2"
    # From an address that is no trusted proxy, X-Forwarded-For names nobody.
    direct, _ = client_of(app, "192.0.2.30")
    direct.get(base + "/api/export?q=زلزال", headers=headers)
    recorded = (tmp_path / "exports.jsonl").read_text().splitlines()
    assert json.loads(recorded[-1])["address"] == "192.0.2.30"


def test_the_throttle_doubles_its_wait_and_forgets():
    now = [1000.0]
    throttle = Throttle(free=3, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait("k") == 0
        throttle.failed("k")
    assert throttle.wait("k") == 1
    now[0] += 1
    throttle.failed("k")
    assert throttle.wait("k") == 2
    now[0] += Throttle.FORGET
    assert throttle.wait("k") == 0
    throttle.succeeded("k")
    assert throttle.wait("k") == 0


def test_a_single_sign_on_header_is_believed_only_from_a_trusted_proxy(sample_index):
    app = app_for(sample_index, identity_header="X-Forwarded-User", trusted_proxies="10.0.0.0/8")
    proxied, base = client_of(app, "10.1.2.3")
    page = proxied.get(base + "/?q=زلزال", headers={"X-Forwarded-User": "sara"})
    assert page.status_code == 200 and "sara" in page.get_data(as_text=True)
    api = proxied.get(base + "/api/search?q=زلزال", headers={"X-Forwarded-User": "sara"})
    assert api.status_code == 200
    assert proxied.get(base + "/api/search?q=زلزال").status_code == 401  # no header
    direct, _ = client_of(app, "192.0.2.9")
    refused = direct.get(base + "/api/search?q=زلزال", headers={"X-Forwarded-User": "sara"})
    assert refused.status_code == 401
    # A page without the header: sign in through the single sign-on (no loop
    # through a login page with nothing to sign in to), and no way out here.
    page = direct.get(base + "/?q=زلزال")
    assert page.status_code == 401 and 'id="single-sign-on"' in page.get_data(as_text=True)
    sara = {"X-Forwarded-User": "sara"}
    assert 'id="logout"' not in proxied.get(base + "/", headers=sara).get_data(as_text=True)
    assert proxied.post(base + "/logout", headers=sara).status_code == 303


def test_a_header_without_trusted_proxies_is_refused_at_start():
    with pytest.raises(SettingsError, match="BAHTH_TRUSTED_PROXIES"):
        app_for(identity_header="X-Forwarded-User")


def test_exports_are_recorded(app, tmp_path):
    client, base = client_of(app)
    response = client.get(
        base + "/api/export?q=زلزال&format=jsonl", headers=basic("layla", PASSWORD)
    )
    assert response.status_code == 200
    lines = response.get_data(as_text=True).splitlines()
    recorded = [json.loads(line) for line in (tmp_path / "exports.jsonl").read_text().splitlines()]
    assert len(recorded) == 1
    entry = recorded[0]
    assert entry["account"] == "layla" and entry["format"] == "jsonl"
    assert entry["query"] == {"q": ["زلزال"], "format": ["jsonl"]}
    assert entry["rows"] == len(lines) - 1 == 2 and entry["complete"] is True
    assert entry["time"].endswith("+00:00")


def test_a_bad_accounts_file_names_its_line_and_field(tmp_path, users):
    text = users.read_text().splitlines()
    users.write_text("\n".join([*text, "bad line without fields"]) + "\n")
    with pytest.raises(AccountsError, match=r"line 4: expected NAME:HASH:SALT"):
        Accounts(users)
    users.write_text("\n".join([*text, "sami:plain-text-password:" + "s" * 20]) + "\n")
    with pytest.raises(AccountsError, match=r"line 4, field hash: not an argon2 hash"):
        Accounts(users)
    (tmp_path / "users.key").unlink()
    users.write_text("\n".join(text) + "\n")
    with pytest.raises(AccountsError, match=r"users\.key"):
        Accounts(users)


def test_users_add_reads_the_password_from_standard_input(tmp_path):
    path = tmp_path / "etc" / "users"
    env = {"BAHTH_USERS": str(path), "PATH": "/usr/bin:/bin"}
    added = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "users", "add", "noor"],
        input="a-long-password\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert added.returncode == 0, added.stderr
    assert "API token: noor." in added.stdout
    assert "a-long-password" not in path.read_text()
    assert Accounts(path).check_password("noor", "a-long-password").name == "noor"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "etc" / "users.key").stat().st_mode & 0o777) == "0o600"
    removed = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "users", "remove", "noor"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert removed.returncode == 0 and Accounts(path).get("noor") is None


def test_serve_says_loudly_that_an_open_archive_is_open(caplog):
    from indexer.settings import Settings

    cli._warn_if_open("0.0.0.0", Settings())
    assert "the archive is OPEN to anyone who reaches 0.0.0.0" in caplog.text
    caplog.clear()
    cli._warn_if_open("127.0.0.1", Settings())
    cli._warn_if_open("localhost", Settings())
    cli._warn_if_open("0.0.0.0", Settings(users="/etc/bahth/users"))
    assert caplog.text == ""


def test_users_without_the_setting_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.delenv("BAHTH_USERS", raising=False)
    assert cli.main(["users", "remove", "x"]) == ExitStatus.USAGE
    assert "set BAHTH_USERS" in capsys.readouterr().err


def test_a_feed_token_never_reaches_the_access_log(sample_index, users):
    """`bahth serve` (gunicorn): the feed answers its token; the access log
    line shows the request with the token's value left out."""
    token = feed_token(users, "layla", q="زلزال")
    server = Server(sample_index, BAHTH_USERS=str(users))
    try:
        feed = f"/feed.atom?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84&token={token}"
        assert get(server.port, feed)[0] == 200
    finally:
        output = server.stop()
    assert "GET /feed.atom?q=" in output and "token=***" in output
    assert token.split(".")[1] not in output
