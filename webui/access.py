"""Who may read the archive: every page, API call, feed and export needs an
account once BAHTH_USERS (or a single sign-on proxy, BAHTH_IDENTITY_HEADER)
is set. Without either, everything is open, as before.

How a request names its account, in this order:
- a trusted proxy's header: BAHTH_IDENTITY_HEADER, believed only when the
  request comes from an address of BAHTH_TRUSTED_PROXIES (the newsroom's
  single sign-on has checked who it is);
- the page's session cookie, set by the login page (Secure, HttpOnly,
  SameSite=Lax; 12 hours from the login, however busy; void once the
  password changes or the account is removed);
- HTTP Basic (name and password) or `Authorization: Bearer TOKEN` (the
  account's API token), for the API and scripts;
- `?token=` on an Atom feed: that feed's token (accounts.Accounts.feed_token).

Anything else is answered 401: in the API's JSON error shape (with
`WWW-Authenticate`), or, for a page, a redirect to the login page (with a
single sign-on alone: a page that says to sign in through it).
/api/health, the login page and the stylesheet stay open. Failed logins
(form or Basic) are slowed (accounts.Throttle), by account and address, and
by address. The client's address is the request's, or, from a trusted
proxy, the last one of X-Forwarded-For that no trusted proxy added.
Responses with accounts on are never kept by a shared cache.
"""

import ipaddress
import json
import logging
import os
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from .accounts import Accounts, Throttle
from .search import settings

log = logging.getLogger(__name__)

blueprint = Blueprint("access", __name__)
OPEN = {"api.health", "static", "access.login", "access.logout"}
FEEDS = {"pages.feed"}  # where a feed token opens the door
MACHINES = {*FEEDS, "metrics.metrics"}  # read by programs: 401, never the login page
SESSION_HOURS = 12


class Access:
    """The accounts and proxies of one app."""

    def __init__(self, settings):
        self.accounts = Accounts(settings.users) if settings.users else None
        self.header = settings.identity_header
        self.proxies = settings.proxies()
        self.throttle = Throttle(free=3)  # by account and address
        self.by_address = Throttle(free=20)  # one address trying many names

    @property
    def on(self) -> bool:
        return self.accounts is not None or bool(self.header)

    def trusted(self, address: str | None) -> bool:
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return False
        return any(ip in network for network in self.proxies)


def install(app, settings):
    """Ask every request for an account when the settings say so."""
    access = Access(settings)
    app.extensions["bahth.access"] = access
    app.register_blueprint(blueprint)
    if not access.on:
        return
    if access.accounts is not None:
        app.secret_key = access.accounts.secret
    app.config.update(
        SESSION_COOKIE_NAME="bahth_session",
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        SESSION_REFRESH_EACH_REQUEST=False,  # 12 hours from the login, not from the last page
    )
    app.before_request(_require_account)
    app.after_request(_not_cached)


def _not_cached(response):
    """What an account reads is no shared cache's to keep."""
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response


def access() -> Access:
    return current_app.extensions["bahth.access"]


def account() -> str | None:
    """The account of the current request (None when accounts are off)."""
    return g.get("account")


def template_values() -> dict:
    """What every page shows of its account: its name, and a way out when
    it signed in here (not through a single sign-on's header or a token)."""
    return {"account": account(), "signed_in_here": bool(account() and session.get("account"))}


def client_address() -> str | None:
    """The client's address: the request's, or, when that is a trusted
    proxy's, the last address of X-Forwarded-For that no trusted proxy added."""
    address = request.remote_addr
    gate = access()
    if not gate.trusted(address):
        return address
    forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
    for hop in reversed([a for a in forwarded if a]):
        if not gate.trusted(hop):
            return hop
    return address


def _require_account():
    if request.endpoint in OPEN:
        return None
    name = _identify(access())
    if name is None:
        return _refuse()
    g.account = name
    return None


def _identify(gate: Access) -> str | None:
    if gate.header and gate.trusted(request.remote_addr):
        name = request.headers.get(gate.header, "").strip()
        if name:
            return name
    accounts = gate.accounts
    if accounts is None:
        return None
    signed_in = session.get("account")
    if signed_in:
        found = accounts.get(signed_in)
        fresh = time.time() - session.get("at", 0) < SESSION_HOURS * 3600
        if found and fresh and session.get("mark") == accounts.session_mark(found):
            return found.name
        session.clear()
    authorization = request.authorization
    if authorization is not None and authorization.type == "basic":
        found = _password_login(gate, authorization.username or "", authorization.password or "")
        return found.name if found else None
    if authorization is not None and authorization.type == "bearer" and authorization.token:
        found = accounts.by_token(authorization.token)
        return found.name if found else None
    token = request.args.get("token")
    if token and request.endpoint in FEEDS:
        found = accounts.by_feed_token(token, request.args.items(multi=True))
        return found.name if found else None
    return None


class TooManyAttempts(Exception):
    def __init__(self, seconds):
        self.seconds = seconds


def _password_login(gate: Access, name: str, password: str):
    """The account when the password is right. Failures are counted by
    account and address, and by address: past their free tries, a wait is
    asked first (429), so that no one can lock an account out from elsewhere."""
    address = client_address() or "?"
    pair = f"{name}@{address}"
    wait = max(gate.throttle.wait(pair), gate.by_address.wait(address))
    if wait:
        raise TooManyAttempts(wait)
    found = gate.accounts.check_password(name, password)
    if found is None:
        gate.throttle.failed(pair)
        gate.by_address.failed(address)
        current_app.logger.warning("failed login for %r from %s", name[:64], address)
        return None
    gate.throttle.succeeded(pair)
    return found


def _wants_page() -> bool:
    return not request.path.startswith("/api/") and request.endpoint not in MACHINES


def _refuse():
    if _wants_page() and access().accounts is None:  # a single sign-on alone
        return render_template("login.html", single_sign_on=True), 401
    if _wants_page() and request.method == "GET":
        return redirect(url_for("access.login", next=request.full_path.rstrip("?")))
    response = jsonify(
        {
            "error": {
                "status": 401,
                "code": "unauthorized",
                "message": "an account is needed: HTTP Basic (name and password) or "
                "Authorization: Bearer <the account's API token>",
            }
        }
    )
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Basic realm="Bahth", charset="UTF-8"'
    return response


def too_many(error: TooManyAttempts):
    """429 with Retry-After: a failed login is slowed."""
    if _wants_page():
        response = current_app.make_response(
            (render_template("login.html", wait=error.seconds, next=_next()), 429)
        )
    else:
        response = jsonify(
            {
                "error": {
                    "status": 429,
                    "code": "too_many_attempts",
                    "message": f"too many failed logins: try again in {error.seconds} s",
                }
            }
        )
        response.status_code = 429
    response.headers["Retry-After"] = str(error.seconds)
    return response


def _next() -> str:
    """Where to go after logging in: a path of this site only."""
    target = request.values.get("next", "")
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc:
        return url_for("pages.search")
    return target


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    gate = access()
    if gate.accounts is None:  # a single sign-on alone: nothing to sign in to here
        return render_template("login.html", single_sign_on=True), 404
    if request.method == "GET":
        return render_template("login.html", next=_next())
    name = request.form.get("name", "").strip()
    found = _password_login(gate, name, request.form.get("password", ""))
    if found is None:
        return render_template("login.html", failed=True, name=name, next=_next()), 401
    session.clear()
    session.permanent = True
    session["account"] = found.name
    session["mark"] = gate.accounts.session_mark(found)
    session["at"] = int(time.time())
    return redirect(_next(), code=303)


@blueprint.post("/logout")
def logout():
    if access().accounts is None:  # a single sign-on's: no session here to end
        return redirect(url_for("pages.search"), code=303)
    session.clear()
    return redirect(url_for("access.login"), code=303)


def exports_recorder(kind: str):
    """What records the export of the current request, once it has ended, in
    BAHTH_EXPORT_LOG: one JSON line (time, account, address, query, format,
    rows, complete). None when no file is set."""
    path = settings().export_log
    if not path:
        return None
    record = {
        "account": account(),
        "address": client_address(),
        "query": request.args.to_dict(flat=False),
        "format": kind,
    }
    started = time.time()

    def ended(rows: int, complete: bool):
        line = {
            "time": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            **record,
            "rows": rows,
            "complete": complete,
            "seconds": round(time.time() - started, 3),
        }
        data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            # One write to a file opened for appending: the lines of two workers never mix.
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(descriptor, data)
            finally:
                os.close(descriptor)
        except OSError as error:
            log.error("export not recorded in %s (%s): %s", path, error.strerror, line)

    return ended


def feed_token(params: dict) -> str | None:
    """The current account's token for the feed of these parameters, for the
    page's feed link (None when the account is not one of BAHTH_USERS)."""
    gate = access()
    name = account()
    found = gate.accounts.get(name) if gate.accounts is not None and name else None
    if found is None:
        return None
    pairs = [(k, v) for k, values in params.items() for v in _listed(values)]
    return gate.accounts.feed_token(found, pairs)


def _listed(values):
    return values if isinstance(values, list | tuple) else [values]
