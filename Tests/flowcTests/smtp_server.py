"""A real SMTP server for flowc's tests and benchmark: aiosmtpd on a loopback port.

    smtp_server.py serve MAILDIR [options]   serve until standard input closes; prints `PORT n`
    smtp_server.py dump MAILDIR              one JSON object per stored message, sorted
    smtp_server.py cert DIRECTORY            a self-signed cert.pem and key.pem for 127.0.0.1

Messages are stored by aiosmtpd's Mailbox handler (a Maildir; it adds X-MailFrom and X-RcptTo).
Options of `serve`:
    --tls-cert FILE --tls-key FILE   offer STARTTLS (and require it)
    --implicit-tls                   speak TLS from the first byte (smtps) instead
    --auth USER:PASSWORD             require AUTH (PLAIN and LOGIN are offered after TLS)
    --login-only                     offer AUTH LOGIN but not PLAIN
    --defer-first                    answer 451 to the first DATA of each Message-ID
    --always-defer                   answer 451 to every DATA
    --reject TEXT                    answer 550 to RCPT TO addresses containing TEXT
    --delay SECONDS                  wait this long before answering each DATA
    --no-pipelining                  do not offer PIPELINING
    --max-connections N              greet connections beyond N open ones with 421 and close
"""
import argparse
import asyncio
import email
import email.header
import json
import pathlib
import ssl
import subprocess
import sys

try:
    from aiosmtpd.handlers import Mailbox
    from aiosmtpd.smtp import SMTP, AuthResult
except ImportError:
    sys.exit("smtp_server.py needs aiosmtpd: run scripts/install-deps.sh (or pip install aiosmtpd)")


class TestMailbox(Mailbox):
    def __init__(self, maildir, options):
        super().__init__(maildir)
        self.options = options
        self.deferred_once = set()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if not self.options.no_pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.options.reject and self.options.reject in address:
            return f"550 5.1.1 <{address}>: no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.options.delay:
            await asyncio.sleep(self.options.delay)
        if self.options.always_defer:
            return "451 4.3.0 try again later"
        if self.options.defer_first:
            message_id = email.message_from_bytes(envelope.content)["Message-ID"]
            if message_id not in self.deferred_once:
                self.deferred_once.add(message_id)
                return "451 4.3.0 busy, try again later"
        return await super().handle_DATA(server, session, envelope)


def limited_smtp(limit):
    """SMTP sessions of which at most `limit` are open at once; later ones get a 421 greeting."""
    class LimitedSMTP(SMTP):
        open_sessions = 0

        def connection_made(self, transport):
            self.counted = LimitedSMTP.open_sessions < limit
            if not self.counted:
                transport.write(b"421 4.7.0 too many connections, try again later\r\n")
                transport.close()
                return
            LimitedSMTP.open_sessions += 1
            super().connection_made(transport)

        def connection_lost(self, error):
            if self.counted:
                LimitedSMTP.open_sessions -= 1
                super().connection_lost(error)

    return LimitedSMTP


def make_authenticator(login):
    user, _, password = login.partition(":")

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    return authenticate


async def serve(options):
    handler = TestMailbox(options.maildir, options)
    context = None
    if options.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.tls_cert, options.tls_key)
    settings = dict(hostname="flowc-test", enable_SMTPUTF8=True)
    if options.auth:
        settings.update(auth_required=True, authenticator=make_authenticator(options.auth))
        # aiosmtpd counts only STARTTLS as TLS; smtps connections are encrypted too.
        settings["auth_require_tls"] = context is not None and not options.implicit_tls
        if options.login_only:
            settings["auth_exclude_mechanism"] = ["PLAIN"]
    if context and not options.implicit_tls:
        settings.update(tls_context=context, require_starttls=True)
    loop = asyncio.get_running_loop()
    session = limited_smtp(options.max_connections) if options.max_connections else SMTP
    server = await loop.create_server(
        lambda: session(handler, loop=loop, **settings),
        host="127.0.0.1", port=0,
        ssl=context if options.implicit_tls else None,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    # Serve until the test closes standard input (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


def header_text(message, name):
    value = message[name]
    return None if value is None else str(email.header.make_header(email.header.decode_header(value)))


def leaves(part):
    """The leaf parts as (content type, decoded text with LF line ends)."""
    if part.is_multipart():
        return [leaf for sub in part.get_payload() for leaf in leaves(sub)]
    text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    return [[part.get_content_type(), text.replace("\r\n", "\n")]]


def dump(maildir):
    """One JSON object per message in MAILDIR/new, sorted by Message-ID (compat32 parsing: fast)."""
    records = []
    for path in pathlib.Path(maildir, "new").iterdir():
        message = email.message_from_bytes(path.read_bytes())
        records.append({
            "message_id": header_text(message, "Message-ID"),
            "rcpt_to": header_text(message, "X-RcptTo"),
            "mail_from": header_text(message, "X-MailFrom"),
            "to": header_text(message, "To"),
            "from": header_text(message, "From"),
            "subject": header_text(message, "Subject"),
            "list_unsubscribe": header_text(message, "List-Unsubscribe"),
            "content_type": message.get_content_type(),
            "parts": leaves(message),
        })
    records.sort(key=lambda record: record["message_id"])
    for record in records:
        print(json.dumps(record, sort_keys=True))


def make_certificate(directory):
    directory = pathlib.Path(directory)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(directory / "key.pem"), "-out", str(directory / "cert.pem")],
        check=True, capture_output=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve")
    serve_parser.add_argument("maildir")
    serve_parser.add_argument("--tls-cert")
    serve_parser.add_argument("--tls-key")
    serve_parser.add_argument("--implicit-tls", action="store_true")
    serve_parser.add_argument("--auth")
    serve_parser.add_argument("--login-only", action="store_true")
    serve_parser.add_argument("--defer-first", action="store_true")
    serve_parser.add_argument("--always-defer", action="store_true")
    serve_parser.add_argument("--reject")
    serve_parser.add_argument("--delay", type=float, default=0)
    serve_parser.add_argument("--no-pipelining", action="store_true")
    serve_parser.add_argument("--max-connections", type=int)
    commands.add_parser("dump").add_argument("maildir")
    commands.add_parser("cert").add_argument("directory")
    options = parser.parse_args()
    if options.command == "serve":
        asyncio.run(serve(options))
    elif options.command == "dump":
        dump(options.maildir)
    else:
        make_certificate(options.directory)


if __name__ == "__main__":
    main()
