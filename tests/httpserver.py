"""A real HTTP server on 127.0.0.1 that serves fixture feeds and misbehaves on purpose."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = Path(__file__).resolve().parent / "data" / "feeds"


class FeedServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.routes: dict[str, bytes] = {}  # extra static routes: path -> body
        self.requests: list[tuple[str, dict[str, str]]] = []
        # routes that send an ETag and answer 304 to If-None-Match (conditional GET): path -> body
        self.cached_routes: dict[str, bytes] = {}
        self.trickle_started = threading.Event()  # set when /trickle-headers has a client
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeouts, size caps): expected here

            def _send(self, status: int, body: bytes = b"", ctype: str = "application/rss+xml; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def do_GET(self) -> None:  # http.server's name
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.requests.append((path, dict(self.headers)))
                n = server.hits[path]
                if path in server.routes:
                    return self._send(200, server.routes[path])
                if path in server.cached_routes:
                    body = server.cached_routes[path]
                    etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", headers={"ETag": etag})
                    return self._send(200, body, headers={"ETag": etag, "Last-Modified": "Sat, 28 Nov 2026 06:00:00 GMT"})
                if path == "/trickle-headers":
                    # slow loris: the status line, then one byte of a header every 0.2 s (never the
                    # end of the headers) - no read ever waits long enough to time out
                    server.trickle_started.set()
                    try:
                        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                        self.wfile.flush()
                        for _ in range(600):  # bounded: 2 minutes at most
                            if server.stopping.wait(0.2):
                                break
                            self.wfile.write(b"a")
                            self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError, OSError):
                        pass
                    self.close_connection = True
                    return None
                if path.startswith("/feeds/"):
                    f = FEEDS / path.removeprefix("/feeds/")
                    if not f.is_file():
                        return self._send(404, b"not found", "text/plain")
                    body = f.read_bytes()
                    etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", headers={"ETag": etag})
                    return self._send(200, body, headers={"ETag": etag, "Last-Modified": "Sat, 28 Nov 2026 06:00:00 GMT"})
                if path.startswith("/redirect/"):
                    hops = int(path.rsplit("/", 1)[1])
                    target = f"/redirect/{hops - 1}" if hops > 1 else "/feeds/basic.xml"
                    return self._send(302, b"", "text/plain", {"Location": target})
                if path == "/loop/a":
                    return self._send(302, b"", "text/plain", {"Location": "/loop/b"})
                if path == "/loop/b":
                    return self._send(302, b"", "text/plain", {"Location": "/loop/a"})
                if path == "/500-then-200":
                    if n == 1:
                        return self._send(500, b"boom", "text/plain")
                    return self._send(200, (FEEDS / "basic.xml").read_bytes())
                if path == "/always-500":
                    return self._send(500, b"boom", "text/plain")
                if path == "/429-then-200":
                    if n == 1:
                        return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
                    return self._send(200, (FEEDS / "basic.xml").read_bytes())
                if path == "/slow":
                    time.sleep(3)
                    return self._send(200, (FEEDS / "basic.xml").read_bytes())
                if path == "/endless":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b"<!-- " + b"x" * 65536 + b" -->"
                    try:
                        for _ in range(2000):  # bounded: ~130 MB at most
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return None
                if path == "/gzip":
                    body = gzip.compress((FEEDS / "basic.xml").read_bytes())
                    return self._send(200, body, headers={"Content-Encoding": "gzip"})
                if path == "/lying-charset":
                    body = (FEEDS / "chinese.xml").read_bytes()
                    return self._send(200, body, "text/xml; charset=iso-8859-1")
                if path == "/html":
                    body = b"<!DOCTYPE html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>"
                    return self._send(200, body, "text/html; charset=utf-8")
                return self._send(404, b"not found", "text/plain")

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
