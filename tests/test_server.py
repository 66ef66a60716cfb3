"""`bahth serve` under attack: forged cursors, slow clients, malformed requests.

A real gunicorn runs the app on loopback; the tests talk to it with sockets
and urllib, as clients on the network would.
"""

import base64
import json
import socket
import threading

import pytest

from webui.safety import SECURITY_HEADERS

from .conftest import Server, get


@pytest.fixture(scope="module")
def server(sample_index):
    running = Server(sample_index, workers=2)
    yield running
    running.stop()


QUERY = "/api/search?q=%D8%B2%D9%84%D8%B2%D8%A7%D9%84&size=1"  # زلزال


def cursor(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_the_forged_cursors_that_crashed_workers_are_400_and_every_worker_lives(server):
    workers = server.pids()
    forged = [
        ("relevance", 2**32),  # WyJyZWxldmFuY2UiLDQyOTQ5NjcyOTZd: tantivy's capacity overflow
        ("relevance", 2**31),
        ("relevance", 2**64 + 1),
        ("newest", 10**30),
        ("newest", -(10**30)),
        ("oldest", 2**63),
    ]
    for sort, value in forged * 5:
        status, _, body = get(
            server.port, f"/api/search?q=x&sort={sort}&cursor={cursor([sort, value])}"
        )
        assert status == 400 and json.loads(body)["error"]["parameter"] == "cursor"
    status, _, _ = get(server.port, f"/?q=x&cursor={cursor(['relevance', 2**32])}")
    assert status == 400
    assert server.pids() == workers  # the same processes: none died and was replaced


def _trickle(port, stop, opened):
    """A slow client: a request line, then a header byte now and then."""
    with socket.create_connection(("127.0.0.1", port)) as slow:
        slow.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")
        opened.release()
        while not stop.is_set():
            try:
                slow.sendall(b"X")
            except OSError:
                return
            stop.wait(0.5)


@pytest.mark.parametrize("slow_clients", [64, 256])
def test_slow_clients_take_no_thread_and_real_requests_are_answered(server, slow_clients):
    stop, opened = threading.Event(), threading.Semaphore(0)
    threads = [
        threading.Thread(target=_trickle, args=(server.port, stop, opened), daemon=True)
        for _ in range(slow_clients)
    ]
    for thread in threads:
        thread.start()
    for _ in threads:
        assert opened.acquire(timeout=60)
    try:
        answered = [get(server.port, QUERY)[0] for _ in range(20)]
    finally:
        stop.set()
    assert answered == [200] * 20


def test_a_head_that_never_ends_is_answered_408_and_closed(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        answer = slow.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408 ")
    for name in SECURITY_HEADERS:
        assert name.encode() + b": " in answer


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),
        (
            b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(120)) + b"\r\n",
            b"431",
        ),
        (b"NOT A REQUEST\r\n\r\n", b"400"),
    ],
)
def test_gunicorns_own_answers_carry_the_security_headers(server, request_bytes, status):
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as client:
        client.sendall(request_bytes)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    assert answer.split(b" ", 2)[1] == status, answer[:200]
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}".encode() in answer
