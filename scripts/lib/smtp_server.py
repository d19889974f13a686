"""The SMTP server the mail tests deliver to: aiosmtpd on loopback with three listeners.

- STARTTLS port: plain SMTP that offers STARTTLS, PIPELINING and 8BITMIME, and AUTH PLAIN and LOGIN once TLS is on;
  mail is refused until the client has authenticated.
- implicit TLS port (smtps): the same, inside TLS from the first byte.
- untrusted port: implicit TLS with a certificate from a CA the tests do not trust (a client must refuse it);
- basic port: STARTTLS and AUTH LOGIN only, without PIPELINING or 8BITMIME, refusing any non-ASCII byte in DATA
  with 500 (an old relay: the client must go step by step and send quoted-printable).

Every accepted message is written to the mail directory as `<n>.eml` (the raw bytes) and `<n>.json` (the envelope,
whether TLS and AUTH were used, the connection it came on, and the message as Python's email package decodes it).

Behaviours chosen by the recipient's local part:
- `tempfail-once+<tag>@...`: the first RCPT TO for that address is answered 451, later ones 250;
- `reject+<tag>@...`: RCPT TO is answered 550;
- `hangup-after+<tag>@...`: the message is accepted, then the server drops the connection a second later (a
  relay that closed an idle connection the client still holds) and writes `hangup-<connection id>`.

Usage: smtp_server.py MAIL_DIR STARTTLS_PORT TLS_PORT UNTRUSTED_PORT BASIC_PORT CERT KEY UNTRUSTED_CERT UNTRUSTED_KEY USER PASSWORD
"""

import asyncio
import email
import email.policy
import itertools
import json
import os
import pathlib
import ssl
import sys
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class RecordingSMTP(SMTP):
    """Gives every connection an id the stored messages carry, so tests can tell reused connections."""

    def _create_session(self):
        session = super()._create_session()
        session.connection_id = uuid.uuid4().hex
        return session


class Recorder:
    """The aiosmtpd handler: applies the recipient behaviours and stores each message."""

    def __init__(self, mail_dir: pathlib.Path):
        self.mail_dir = mail_dir
        self.lock = threading.Lock()
        self.tempfailed = set()
        existing = [int(p.stem) for p in mail_dir.glob("*.json") if p.stem.isdigit()]
        self.counter = itertools.count(max(existing, default=0) + 1)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if getattr(server, "basic", False):
            return responses
        # aiosmtpd reads commands one line at a time, so pipelined commands work; it just does not say so.
        return responses[:-1] + ["250-PIPELINING", responses[-1]]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject+"):
            return "550 5.1.1 Mailbox unavailable (test rejection)"
        if local.startswith("tempfail-once+"):
            with self.lock:
                first = address.lower() not in self.tempfailed
                self.tempfailed.add(address.lower())
            if first:
                return "451 4.3.0 Try again later (test temporary failure)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content if envelope.original_content is not None else envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "contentType": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transferEncoding": part.get("Content-Transfer-Encoding"),
                "content": part.get_content(),
            })
        record = {
            "mailFrom": envelope.mail_from,
            "mailOptions": envelope.mail_options,
            "rcptTos": envelope.rcpt_tos,
            "tls": session.ssl is not None or getattr(server, "implicit_tls", False),
            "authenticated": bool(session.authenticated),
            "connectionId": session.connection_id,
            "port": server.listen_port,
            "contentType": message.get_content_type(),
            "headers": {name: str(value) for name, value in message.items()},
            "parts": parts,
        }
        with self.lock:
            number = next(self.counter)
        (self.mail_dir / f"{number}.eml").write_bytes(raw)
        temporary = self.mail_dir / f".{number}.json"
        temporary.write_text(json.dumps(record))
        os.replace(temporary, self.mail_dir / f"{number}.json")
        if any(address.split("@", 1)[0].lower().startswith("hangup-after+") for address in envelope.rcpt_tos):
            asyncio.get_running_loop().call_later(1.0, self.hang_up, server.transport, session.connection_id)
        return "250 2.0.0 Message accepted"

    def hang_up(self, transport, connection_id):
        """Drops the connection and leaves `hangup-<connection id>` in the mail directory, so tests can wait for it."""
        transport.close()
        (self.mail_dir / f"hangup-{connection_id}").touch()


def authenticator(user: str, password: str):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return check


def server_context(cert: str, key: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Listener(Controller):
    def __init__(self, handler, port, *, implicit_tls_context=None, starttls_context=None, check=None, basic=False):
        self.listen_port = port
        self.basic = basic
        self.implicit = implicit_tls_context is not None
        self.starttls_context = starttls_context
        self.check = check
        super().__init__(handler, hostname="127.0.0.1", port=port, ssl_context=implicit_tls_context, ready_timeout=10)

    def factory(self):
        server = RecordingSMTP(
            self.handler, tls_context=self.starttls_context, require_starttls=self.starttls_context is not None,
            auth_required=True, auth_require_tls=True, authenticator=self.check, hostname="smtp.test.lyceum",
            decode_data=self.basic, auth_exclude_mechanism=["PLAIN"] if self.basic else None,
        )
        server.implicit_tls = self.implicit
        server.basic = self.basic
        server.listen_port = self.listen_port
        if self.implicit:
            # aiosmtpd cannot see TLS set up by the listening socket, so AUTH would stay hidden: mark the session secure.
            server._tls_protocol = True
        return server


def main():
    (mail_dir, starttls_port, tls_port, untrusted_port, basic_port, cert, key, untrusted_cert, untrusted_key, user, password) = sys.argv[1:12]
    directory = pathlib.Path(mail_dir)
    directory.mkdir(parents=True, exist_ok=True)
    handler = Recorder(directory)
    check = authenticator(user, password)
    context = server_context(cert, key)
    listeners = [
        Listener(handler, int(starttls_port), starttls_context=context, check=check),
        Listener(handler, int(tls_port), implicit_tls_context=context, check=check),
        Listener(handler, int(untrusted_port), implicit_tls_context=server_context(untrusted_cert, untrusted_key), check=check),
        Listener(handler, int(basic_port), starttls_context=context, check=check, basic=True),
    ]
    for listener in listeners:
        listener.start()
    print(
        f"smtp_server: listening on 127.0.0.1:{starttls_port} (STARTTLS), {tls_port} (TLS), {untrusted_port} (untrusted TLS), "
        f"{basic_port} (basic)", flush=True,
    )
    try:
        threading.Event().wait()
    finally:
        for listener in listeners:
            listener.stop()


if __name__ == "__main__":
    main()
