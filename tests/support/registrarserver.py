#!/usr/bin/python3
"""A registrar's export server for tests (Python 3 standard library only).

Serves the files of --dir over HTTP, or HTTPS with --cert/--key, on 127.0.0.1 and a
free port (printed as "READY <port>" once it accepts connections). Each file has a
strong ETag (its SHA-256) and a Last-Modified date, and a matching If-None-Match or
If-Modified-Since is answered 304 Not Modified. --no-validators sends neither header.
--auth "Basic …" or "Bearer …" makes every request without exactly that Authorization
header a 401. /status/NNN answers HTTP NNN; /slow/S answers after S seconds;
/redirect?to=URL answers 302 Found to URL (after the Authorization check). Files ending in .html are sent as
text/html. Every request is appended to --log as one JSON line: method, path, status,
if_none_match, if_modified_since, authorization (whether one came), bytes.
"""
import argparse
import email.utils
import hashlib
import http.server
import json
import os
import ssl
import sys
import time
import urllib.parse


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth", default="")
    p.add_argument("--no-validators", action="store_true")
    args = p.parse_args()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):
            pass

        def record(self, status, sent=0):
            with open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps({
                    "method": self.command, "path": self.path, "status": status,
                    "if_none_match": self.headers.get("If-None-Match", ""),
                    "if_modified_since": self.headers.get("If-Modified-Since", ""),
                    "authorization": bool(self.headers.get("Authorization")),
                    "bytes": sent}) + "\n")

        def answer(self, status, body=b"", content_type="text/plain; charset=utf-8", headers=None):
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304 and self.command != "HEAD":
                self.wfile.write(body)
            self.record(status, len(body) if status != 304 else 0)

        def do_GET(self):
            if args.auth and self.headers.get("Authorization", "") != args.auth:
                return self.answer(401, b"authorization required\n",
                                   headers={"WWW-Authenticate": 'Basic realm="registrar"'})
            path = self.path.split("?", 1)[0]
            if path == "/redirect":
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                return self.answer(302, b"", headers={"Location": query.get("to", [""])[0]})
            if path.startswith("/slow/"):
                time.sleep(float(path.rsplit("/", 1)[1]))
                return self.answer(200, b"student_id,first_name,last_name,email\n", "text/csv")
            if path.startswith("/status/"):
                code = int(path.rsplit("/", 1)[1])
                return self.answer(code, b"<html><body>error %d</body></html>" % code, "text/html")
            name = os.path.basename(path)
            full = os.path.join(args.dir, name)
            if not name or not os.path.isfile(full):
                return self.answer(404, b"not found\n")
            digest = hashlib.sha256()
            with open(full, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            etag = '"%s"' % digest.hexdigest()
            mtime = int(os.path.getmtime(full))
            last_modified = email.utils.formatdate(mtime, usegmt=True)
            headers = {} if args.no_validators else {"ETag": etag, "Last-Modified": last_modified}
            if not args.no_validators:
                inm = self.headers.get("If-None-Match")
                ims = self.headers.get("If-Modified-Since")
                if inm is not None and etag in [t.strip() for t in inm.split(",")]:
                    return self.answer(304, headers=headers)
                if inm is None and ims:
                    try:
                        if int(email.utils.parsedate_to_datetime(ims).timestamp()) >= mtime:
                            return self.answer(304, headers=headers)
                    except (TypeError, ValueError):
                        pass
            size = os.path.getsize(full)
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Type", "text/html" if name.endswith(".html") else "text/csv; charset=utf-8")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            with open(full, "rb") as f:
                for block in iter(lambda: f.read(1 << 16), b""):
                    self.wfile.write(block)
            self.record(200, size)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("READY %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
