#!/usr/bin/python3
"""A stand-in SMS gateway for tests: Python's http.server on a free loopback port.

Every POST is appended to the log (one JSON object a line: path, content_type,
authorization, body) before it is answered, by path:
  /ok     200 {"status": "queued"}
  /bad    400 {"error": "invalid number"}
  /fail   500 {"error": "try later"}
  /hang   no answer: the connection stays open until the server stops
  /auth   401 unless the Authorization header equals --auth, then 200
Prints "READY <port>" on standard output once it listens.
"""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--auth", default="")
    args = parser.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def answer(self, status, payload):
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            entry = {"path": self.path, "content_type": self.headers.get("Content-Type", ""),
                     "authorization": self.headers.get("Authorization", ""), "body": body}
            with lock, open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps(entry) + "\n")
            if self.path == "/ok":
                self.answer(200, {"status": "queued"})
            elif self.path == "/bad":
                self.answer(400, {"error": "invalid number"})
            elif self.path == "/fail":
                self.answer(500, {"error": "try later"})
            elif self.path == "/auth":
                if self.headers.get("Authorization", "") == args.auth:
                    self.answer(200, {"status": "queued"})
                else:
                    self.answer(401, {"error": "bad token"})
            elif self.path == "/hang":
                while True:
                    time.sleep(3600)
            else:
                self.answer(404, {"error": "no such path"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("READY %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
