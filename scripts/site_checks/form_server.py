"""One HTTP server on 127.0.0.1 (any free port) for the referral forms test: GET
serves files from the current site folder (root), every POST is recorded and answered
with a small "Received" page."""

from __future__ import annotations

import http.server
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

RECEIVED = b'<!doctype html><title>Received</title><p id="received">Received</p>'


@dataclass
class Post:
    path: str
    content_type: str
    body: bytes


class Handler(http.server.SimpleHTTPRequestHandler):
    """GET: files of the server's current site folder. POST: recorded, answered 200."""

    def translate_path(self, path: str) -> str:
        self.directory = str(self.server.root)
        return super().translate_path(path)

    def end_headers(self) -> None:
        # Both builds are served at the same URLs: the browser must not reuse the other's page.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.posts.put(Post(self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(RECEIVED)))
        self.end_headers()
        self.wfile.write(RECEIVED)

    def log_message(self, *args) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.root: Path = Path("/nonexistent")
        self.posts: queue.Queue[Post] = queue.Queue()

    def start(self) -> None:
        threading.Thread(target=self.serve_forever, name="form-server", daemon=True).start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{path}"

    def drain(self) -> list[Post]:
        out = []
        while not self.posts.empty():
            out.append(self.posts.get_nowait())
        return out

    def next_post(self, timeout: float) -> Post | None:
        try:
            return self.posts.get(timeout=timeout)
        except queue.Empty:
            return None
