#!/usr/bin/python3
"""A real SMTP server for Residesk's e-mail tests (Debian's python3-aiosmtpd).

It offers STARTTLS with a self-signed certificate (made here with `openssl req` when
the certificate file does not exist yet) and requires it — or, with --security tls,
implicit TLS (smtps), or with --security none plain SMTP (a local relay) — requires
AUTH before mail when a user is given (one fixed user and password; every other login
is refused with 535), and stores every message it accepts in the output folder:

    NNNN.eml   the message exactly as received
    NNNN.json  what the tests check: envelope, decoded headers, the text body, the
               attachments (file name, type, size, SHA-256) and the login used

NNNN counts up across restarts (the folder is the state), so a test can stop the
server (SIGTERM), start it again on the same port and count deliveries.

--data-delay S makes the server store a message and then wait S seconds before it
answers the end of DATA: a client killed meanwhile has handed the message over but
never hears the 250 (the "uncertain" case of the outbox).

A recipient whose address starts with "refused" is refused with 550 (RCPT), the way
a server refuses an unknown mailbox: a permanent failure of that one e-mail.

Prints "READY <port>" on stdout once it accepts connections.
"""

import argparse
import asyncio
import email
import email.policy
import hashlib
import json
import os
import signal
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def make_certificate(cert, key):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Handler:
    def __init__(self, outdir, delay):
        self.outdir = outdir
        self.delay = delay
        self.lock = threading.Lock()

    def next_number(self):
        with self.lock:
            numbers = [int(name[:4]) for name in os.listdir(self.outdir)
                       if name.endswith(".eml") and name[:4].isdigit()]
            return max(numbers, default=0) + 1

    def write(self, path, data):
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refused"):
            return "550 5.1.1 <%s>: Recipient address rejected: no such mailbox" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        attachments = []
        for part in message.iter_attachments():
            content = part.get_content()
            if isinstance(content, str):
                content = content.encode("utf-8")
            attachments.append({
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            })
        login = getattr(session, "auth_data", None) or session.login_data
        if isinstance(login, LoginPassword):
            login = login.login.decode("utf-8", "replace")
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "date": str(message.get("Date", "")),
            "message_id": str(message.get("Message-ID", "")),
            "mime_version": str(message.get("MIME-Version", "")),
            "header_counts": {name: len(message.get_all(name, []))
                              for name in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version")},
            "content_type": message.get_content_type(),
            "body": body.get_content() if body is not None else None,
            "attachments": attachments,
            "tls": session.ssl is not None or server.transport.get_extra_info("sslcontext") is not None,
            "login": login,
        }
        number = self.next_number()
        base = os.path.join(self.outdir, "%04d" % number)
        self.write(base + ".eml", raw)
        self.write(base + ".json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        return "250 2.0.0 Ok: queued as %04d" % number


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True, help="where messages are stored")
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--data-delay", type=float, default=0.0)
    parser.add_argument("--security", choices=("starttls", "tls", "none"), default="starttls",
                        help="STARTTLS required (default), implicit TLS (smtps), or plain (a local relay)")
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    if not (os.path.exists(args.cert) and os.path.exists(args.key)):
        make_certificate(args.cert, args.key)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == args.user.encode("utf-8")
              and auth_data.password == args.password.encode("utf-8"))
        # On success the login is kept in session.auth_data (stored with each message).
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    kwargs = {}
    if args.security == "starttls":
        kwargs.update(tls_context=tls, require_starttls=True)
    if args.user:
        # Implicit TLS is TLS from the first byte: AUTH needs no STARTTLS there.
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=args.security == "starttls")
    controller = Controller(Handler(args.dir, args.data_delay), hostname="127.0.0.1", port=args.port,
                            server_hostname="localhost",
                            ssl_context=tls if args.security == "tls" else None, **kwargs)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller.start()
    print("READY %d" % args.port, flush=True)
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
