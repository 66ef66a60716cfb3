"""The accounts that may read the archive: the file BAHTH_USERS names.

One account per line, `NAME:HASH:SALT`: HASH is the password's argon2id hash
(argon2-cffi), SALT a random value the account's tokens are made from, so
that a new password (`bahth users add NAME` again) also makes new tokens and
the old ones stop working. Lines starting with # are comments. Beside it,
`FILE.key` holds the secret that signs the page's session cookies and the
tokens (made with the file, readable by its owner only).

A token is `NAME.MAC`, MAC an HMAC-SHA256 under that secret: an API token
(`Authorization: Bearer`) of the account; a feed token (`?token=` in an
Atom feed's address, which the page's feed link carries) of the account and
that feed's exact search, so that a feed address handed to a feed reader
opens that one feed and nothing else.

The file is read again when it changes: an account added or removed counts
at the next request, without a restart.
"""

import base64
import fcntl
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from indexer.settings import SettingsError

NAME = re.compile(r"[^\s:#][^\s:]{0,63}")
_HASHER = PasswordHasher()
VERIFYING_AT_ONCE = 2  # argon2 verifications a worker runs at once (64 MiB each)
# A name that is no account still costs one verification, so that the time
# a login takes does not tell which names exist.
_ABSENT = _HASHER.hash(secrets.token_urlsafe(16))


class AccountsError(SettingsError):
    """The accounts file or its key is unusable (names the file, line and
    field), or an account cannot be made: the command's usage error."""


@dataclass(frozen=True)
class Account:
    name: str
    hash: str
    salt: str


def key_path(path: Path) -> Path:
    return path.with_name(path.name + ".key")


class Accounts:
    """The accounts of one file, read again when it changes."""

    def __init__(self, path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._verifying = threading.BoundedSemaphore(VERIFYING_AT_ONCE)
        self._seen: tuple[int, int, int] | None = None
        self._accounts: dict[str, Account] = {}
        self._key = b""
        self._checked = 0.0
        self._load()

    def _load(self):
        try:
            stat = self.path.stat()
        except OSError as error:
            raise AccountsError(
                f"{self.path}: cannot read the accounts file ({error.strerror}); "
                "`bahth users add NAME` makes it"
            ) from None
        seen = (stat.st_ino, stat.st_mtime_ns, stat.st_size)  # a new file is a new inode
        if seen == self._seen:
            return
        self._accounts = read(self.path)
        self._key = _read_key(self.path)
        self._seen = seen

    def _fresh(self):
        """Read the file again if it changed (looked at once a second at most)."""
        now = time.monotonic()
        if now - self._checked >= 1:
            with self._lock:
                self._checked = now
                self._load()

    def get(self, name: str) -> Account | None:
        self._fresh()
        return self._accounts.get(name)

    def check_password(self, name: str, password: str) -> Account | None:
        """The account when `password` is its password."""
        account = self.get(name)
        with self._verifying:
            try:
                _HASHER.verify(account.hash if account else _ABSENT, password)
            except (VerificationError, InvalidHashError):
                return None
        return account

    def token(self, account: Account) -> str:
        """The account's API token."""
        return f"{account.name}.{self._mac(account, 'api')}"

    def feed_token(self, account: Account, query: Iterable[tuple[str, str]]) -> str:
        """The token of one feed: the account's, for this search only."""
        return f"{account.name}.{self._mac(account, 'feed:' + canonical(query))}"

    def by_token(self, token: str) -> Account | None:
        """The account an API token was made for."""
        return self._verified(token, "api")

    def by_feed_token(self, token: str, query: Iterable[tuple[str, str]]) -> Account | None:
        """The account a feed token was made for, when it was made for this search."""
        return self._verified(token, "feed:" + canonical(query))

    def _verified(self, token: str, purpose: str) -> Account | None:
        name, _, mac = token.rpartition(".")
        account = self.get(name)
        if account is None:
            return None
        expected = self._mac(account, purpose).encode()
        return account if hmac.compare_digest(mac.encode("utf-8", "replace"), expected) else None

    def session_mark(self, account: Account) -> str:
        """What a session cookie keeps of its account: it is no longer valid
        once the account's password changed or the account was removed."""
        return self._mac(account, "session")[:22]

    def _mac(self, account: Account, purpose: str) -> str:
        message = f"{purpose}:{account.name}:{account.salt}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    @property
    def secret(self) -> bytes:
        """The secret that signs session cookies (a purpose of its own)."""
        return hmac.new(self._key, b"cookies", hashlib.sha256).digest()


def canonical(query: Iterable[tuple[str, str]]) -> str:
    """A search's parameters in one order, without a token or an empty value."""
    return urlencode(sorted((k, v) for k, v in query if k != "token" and v != ""))


def read(path: Path) -> dict[str, Account]:
    """The accounts of a file; AccountsError naming the line and field of a bad one."""
    accounts: dict[str, Account] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AccountsError(f"{path}: cannot read the accounts file ({error})") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split(":")
        where = f"{path}, line {number}"
        if len(fields) != 3:
            raise AccountsError(f"{where}: expected NAME:HASH:SALT, found {len(fields)} fields")
        name, hashed, salt = fields
        if not NAME.fullmatch(name):
            raise AccountsError(f"{where}, field name: {name!r} is not an account name")
        if not hashed.startswith("$argon2"):
            raise AccountsError(f"{where}, field hash: not an argon2 hash")
        if len(salt) < 16:
            raise AccountsError(f"{where}, field salt: shorter than 16 characters")
        if name in accounts:
            raise AccountsError(f"{where}, field name: {name!r} is there twice")
        accounts[name] = Account(name, hashed, salt)
    return accounts


def _read_key(path: Path) -> bytes:
    key = key_path(path)
    try:
        value = key.read_bytes().strip()
    except OSError as error:
        raise AccountsError(
            f"{key}: cannot read the accounts' secret key ({error.strerror}); "
            "`bahth users add NAME` makes it"
        ) from None
    if len(value) < 32:
        raise AccountsError(f"{key}: the secret key is shorter than 32 characters")
    return value


def add(path, name: str, password: str) -> Account:
    """Add the account, or give it a new password (and new tokens); make the
    file and its key when they are not there."""
    path = Path(path)
    if not NAME.fullmatch(name):
        raise AccountsError(
            f"{name!r} is not an account name: 1 to 64 characters, no space or colon"
        )
    if len(password) < 8:
        raise AccountsError("the password is shorter than 8 characters")
    account = Account(name, _HASHER.hash(password), secrets.token_urlsafe(18))
    _ensure_key(path)
    with _changing(path):
        accounts = read(path) if path.exists() else {}
        accounts[name] = account
        _write(path, accounts)
    return account


def remove(path, name: str) -> bool:
    """Remove the account; False when there is none of that name."""
    path = Path(path)
    with _changing(path):
        accounts = read(path)
        if accounts.pop(name, None) is None:
            return False
        _write(path, accounts)
    return True


@contextmanager
def _changing(path: Path):
    """One change of the file at a time (two operators adding at once both count)."""
    descriptor = os.open(path.with_name(path.name + ".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _ensure_key(path: Path):
    key = key_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(48) + "\n")


def _write(path: Path, accounts: dict[str, Account]):
    """Replace the file at once (a reader sees the old or the new), owner-only."""
    lines = ["# Bahth accounts: NAME:HASH:SALT (`bahth users add NAME`, `bahth users remove NAME`)"]
    lines += [f"{a.name}:{a.hash}:{a.salt}" for a in accounts.values()]
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


class Throttle:
    """Failed logins slowed: after `free` failures for one key, each further
    attempt must wait 1, 2, 4 … up to MAX_WAIT seconds after the last
    failure (answered 429 with Retry-After until then). A success clears the
    key's count. Kept per worker process, in memory."""

    MAX_WAIT = 60
    FORGET = 15 * 60  # a count with no failure for this long starts again
    MOST = 10_000  # keys kept at most (the oldest are forgotten)

    def __init__(self, free=3, clock=time.monotonic):
        self.free, self.clock = free, clock
        self._failures: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> int:
        """Seconds to wait before another attempt for these keys (0: go on)."""
        now = self.clock()
        longest = 0.0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                if count >= self.free and now - last < self.FORGET:
                    delay = min(2 ** (count - self.free), self.MAX_WAIT)
                    longest = max(longest, last + delay - now)
        return int(longest + 0.999) if longest > 0 else 0

    def failed(self, *keys: str):
        now = self.clock()
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                if now - last >= self.FORGET:
                    count = 0
                self._failures.pop(key, None)
                self._failures[key] = (count + 1, now)
            while len(self._failures) > self.MOST:
                self._failures.pop(next(iter(self._failures)))

    def succeeded(self, key: str):
        with self._lock:
            self._failures.pop(key, None)
