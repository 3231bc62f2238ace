"""A tiny npm-protocol package registry on 127.0.0.1, serving tarballs a test built."""

from __future__ import annotations

import http.server
import json
import threading
from typing import Any


class FakeRegistry:
    """A tiny npm-protocol registry on 127.0.0.1 serving tarballs built in the test."""

    def __init__(self, packages: dict[str, dict[str, bytes]]) -> None:
        self.packages = packages  # name -> version -> tgz bytes
        self.requests: list[str] = []
        registry = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                registry.requests.append(self.path)
                parts = self.path.strip("/").split("/")
                body: bytes | None = None
                if len(parts) == 1 and parts[0] in registry.packages:
                    versions = {
                        v: {"dist": {"tarball": f"{registry.url}/{parts[0]}/-/{v}.tgz"}}
                        for v in registry.packages[parts[0]]
                    }
                    body = json.dumps({"name": parts[0], "versions": versions}).encode()
                elif len(parts) == 3 and parts[1] == "-":
                    body = registry.packages.get(parts[0], {}).get(parts[2][: -len(".tgz")])
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeRegistry:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
