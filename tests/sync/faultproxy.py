"""A real TCP proxy between a device and a ``bbms-central serve`` process that breaks chosen HTTP exchanges.

The device's transport is pointed at :attr:`FaultProxy.url`; every request is read off the client's socket, sent to
the server over a fresh connection (``Connection: close``), and the server's whole answer is read before it is passed
on. A test scripts faults per path (:meth:`FaultProxy.inject`): the next matching requests, after skipping some, get
the fault instead of a clean pass. The faults are the ones a flaky field link produces:

* ``delay_before`` / ``delay_request_body`` / ``delay_response_body``: a slow link (before forwarding, half-way
  through sending the request body to the server, half-way through sending the answer back);
* ``reset_request_body``: the connection is reset (RST, ``SO_LINGER`` 0) half-way through the request body, so the
  server never sees the request;
* ``reset_response_body``: the server handled the request; the connection is reset half-way through the answer;
* ``truncate_response``: the server handled the request; the answer stops half-way with a clean close (FIN);
* ``drop_response``: the server handled (committed) the request; the client never hears a byte of the answer;
* ``error_500``: the server handled (committed) the request; the client gets a 500 instead of the answer.

:attr:`FaultProxy.bytes_per_second` throttles every request body read from the client (a slow uplink).

Everything is counted: requests per path, the faults that fired, and every exchange with the server's own answer
(whatever reached the client), so a test can read what the server served, e.g. a pull page's changes and cursor.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qs, urlsplit

IO_TIMEOUT_S = 30.0


class Kind(StrEnum):
    PASS = "pass"
    DELAY_BEFORE = "delay_before"
    DELAY_REQUEST_BODY = "delay_request_body"
    DELAY_RESPONSE_BODY = "delay_response_body"
    RESET_REQUEST_BODY = "reset_request_body"
    RESET_RESPONSE_BODY = "reset_response_body"
    TRUNCATE_RESPONSE = "truncate_response"
    DROP_RESPONSE = "drop_response"
    ERROR_500 = "error_500"


SERVER_SAW_IT = frozenset(Kind) - {Kind.RESET_REQUEST_BODY}
"""The faults after which the server has handled (for a push: committed) the request."""


@dataclass(frozen=True, slots=True)
class Fault:
    kind: Kind
    seconds: float = 0.0  # the delays
    fraction: float = 0.5  # how much of the body goes through before a cut or a mid-body delay

    def __str__(self) -> str:
        return self.kind.value if not self.seconds else f"{self.kind.value}({self.seconds:g}s)"


PASS = Fault(Kind.PASS)


@dataclass
class _Plan:
    path: str
    fault: Fault
    skip: int
    times: int


@dataclass
class Exchange:
    """One request through the proxy and what the server answered (``status`` None: the server never saw it)."""

    number: int  # 1-based, across all paths
    method: str
    path: str
    query: dict[str, str]
    fault: Fault
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""  # the server's answer body, inflated and de-chunked
    sent: int = 0  # request body bytes the client got through to the proxy

    def json(self) -> Any:
        return json.loads(self.body)


class FaultProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._active = 0
        self._plans: list[_Plan] = []
        self._threads: list[threading.Thread] = []
        self.requests: Counter[str] = Counter()  # per path
        self.fired: list[tuple[str, str]] = []  # (path, fault) in the order they fired
        self.exchanges: list[Exchange] = []
        self.port = 0
        self.bytes_per_second: float | None = None  # a slow uplink: request bodies are read at most this fast

    # -- life ---------------------------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int = 0) -> FaultProxy:
        """Listen (on ``port``, e.g. the one of a proxy stopped earlier: the link comes back where it was)."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        thread = threading.Thread(target=self._accept, name=f"faultproxy-{self.port}", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for thread in list(self._threads):
            thread.join(timeout=IO_TIMEOUT_S)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- scripting ----------------------------------------------------------------------------------------------------

    def inject(self, path: str, fault: Fault, *, skip: int = 0, times: int = 1) -> None:
        """The ``times`` requests to ``path`` after the next ``skip`` ones get ``fault`` (the others pass).

        ``skip`` counts every request to ``path`` from now on, retries included."""
        with self._lock:
            self._plans.append(_Plan(path, fault, skip, times))

    def clear(self) -> None:
        with self._lock:
            self._plans.clear()

    def wait_idle(self, timeout: float = IO_TIMEOUT_S) -> None:
        """Until no exchange is in flight (a delayed request the client gave up on has reached the server)."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._active == 0, timeout=timeout):
                raise TimeoutError("the proxy still has exchanges in flight")

    def of(self, path: str) -> list[Exchange]:
        with self._lock:
            return [exchange for exchange in self.exchanges if exchange.path == path]

    def fired_on(self, path: str) -> list[str]:
        with self._lock:
            return [fault for fired_path, fault in self.fired if fired_path == path]

    def _fault_for(self, path: str) -> Fault:
        """Every plan counts every request to its path; the first one due fires (the others wait their turn)."""
        chosen: _Plan | None = None
        for plan in self._plans:
            if plan.path != path or plan.times <= 0:
                continue
            if plan.skip > 0:
                plan.skip -= 1
            elif chosen is None:
                chosen = plan
        if chosen is None:
            return PASS
        chosen.times -= 1
        return chosen.fault

    # -- the proxy ----------------------------------------------------------------------------------------------------

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]

    def _serve(self, client: socket.socket) -> None:
        """One exchange per client connection (the answer says ``Connection: close``)."""
        client.settimeout(IO_TIMEOUT_S)
        with client:
            try:
                head, rest = _read_head(client)
            except (OSError, ValueError):
                return
            if head is None:
                return
            request_line, headers = _parse_head(head)
            method, target, _version = request_line.split(" ", 2)
            split = urlsplit(target)
            query = {key: values[-1] for key, values in parse_qs(split.query).items()}
            with self._lock:
                self._active += 1
                self.requests[split.path] += 1
                fault = self._fault_for(split.path)
                exchange = Exchange(len(self.exchanges) + 1, method, split.path, query, fault)
                self.exchanges.append(exchange)
                if fault.kind != Kind.PASS:
                    self.fired.append((split.path, str(fault)))
            try:
                self._exchange(client, exchange, head, rest, headers)
            except OSError:
                pass  # the client gave up (its timeout) or the server went away: the client sees what it sees
            finally:
                with self._idle:
                    self._active -= 1
                    self._idle.notify_all()

    def _exchange(
        self, client: socket.socket, exchange: Exchange, head: bytes, rest: bytes, headers: dict[str, str]
    ) -> None:
        fault = exchange.fault
        length = int(headers.get("content-length", "0"))
        body = rest
        rate = self.bytes_per_second
        if fault.kind == Kind.RESET_REQUEST_BODY:
            body = _read_exactly(client, body, int(length * fault.fraction), rate)
            exchange.sent = len(body)
            _reset(client)
            return
        body = _read_exactly(client, body, length, rate)
        exchange.sent = len(body)
        if len(body) < length:
            return  # the client went away mid-body (killed, or it gave up): the server never sees the request
        if fault.kind == Kind.DELAY_BEFORE:
            time.sleep(fault.seconds)
        upstream = socket.create_connection(self.upstream, timeout=IO_TIMEOUT_S)
        with upstream:
            upstream.sendall(_with_connection_close(head))
            if fault.kind == Kind.DELAY_REQUEST_BODY:
                cut = int(len(body) * fault.fraction)
                upstream.sendall(body[:cut])
                time.sleep(fault.seconds)
                upstream.sendall(body[cut:])
            else:
                upstream.sendall(body)
            answer = _read_all(upstream)
        answer_head, answer_body = answer.split(b"\r\n\r\n", 1)
        status_line, answer_headers = _parse_head(answer_head)
        exchange.status = int(status_line.split(" ", 2)[1])
        exchange.headers = answer_headers
        exchange.body = _decoded(answer_headers, answer_body)
        out_head = _with_connection_close(answer_head)
        cut = int(len(answer_body) * fault.fraction)
        if fault.kind == Kind.DROP_RESPONSE:
            client.shutdown(socket.SHUT_RDWR)
        elif fault.kind == Kind.ERROR_500:
            client.sendall(_INTERNAL_ERROR)
        elif fault.kind == Kind.RESET_RESPONSE_BODY:
            client.sendall(out_head + answer_body[:cut])
            time.sleep(0.05)  # let the client read what came before the cut
            _reset(client)
        elif fault.kind == Kind.TRUNCATE_RESPONSE:
            client.sendall(out_head + answer_body[:cut])
            client.shutdown(socket.SHUT_WR)
        elif fault.kind == Kind.DELAY_RESPONSE_BODY:
            client.sendall(out_head + answer_body[:cut])
            time.sleep(fault.seconds)
            client.sendall(answer_body[cut:])
        else:
            client.sendall(out_head + answer_body)


_ERROR_BODY = json.dumps(
    {"code": "internal", "message": "Server error (injected by the fault proxy).", "permanent": False}
)
_INTERNAL_ERROR = (
    b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n"
    + f"content-length: {len(_ERROR_BODY)}\r\nconnection: close\r\n\r\n".encode()
    + _ERROR_BODY.encode()
)


def _read_head(sock: socket.socket) -> tuple[bytes | None, bytes]:
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None, b""
        buffer += chunk
        if len(buffer) > 1 << 20:
            raise ValueError("request head too large")
    head, rest = buffer.split(b"\r\n\r\n", 1)
    return head, rest


def _parse_head(head: bytes) -> tuple[str, dict[str, str]]:
    first, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return first, headers


def _with_connection_close(head: bytes) -> bytes:
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n"


def _read_exactly(sock: socket.socket, already: bytes, size: int, rate: float | None = None) -> bytes:
    data = already
    started = time.monotonic()
    while len(data) < size:
        chunk = sock.recv(min(65536 if rate is None else 16384, size - len(data)))
        if not chunk:
            break
        data += chunk
        if rate is not None:  # no faster than ``rate`` bytes a second
            ahead = len(data) / rate - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
    return data[:size]


def _read_all(sock: socket.socket) -> bytes:
    parts = []
    while chunk := sock.recv(65536):
        parts.append(chunk)
    return b"".join(parts)


def _reset(sock: socket.socket) -> None:
    """Close with an RST instead of a FIN (``SO_LINGER`` on, timeout 0)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _decoded(headers: dict[str, str], body: bytes) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    if headers.get("content-encoding", "").lower() == "gzip":
        body = gzip.decompress(body)
    return body


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    while body:
        size_line, body = body.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += body[:size]
        body = body[size + 2 :]
    return bytes(out)
