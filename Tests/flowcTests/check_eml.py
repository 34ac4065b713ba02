"""Checks every .eml file in a Maildir `new/` folder as a real MIME parser sees it.

Each message must parse, carry From, To, Subject, Date, MIME-Version and a Message-ID of
`<ID@DOMAIN>` where ID is the flowc message id in the file name and DOMAIN the domain of From;
marketing mail (every flow but `order-confirmation` in the demo) must carry List-Unsubscribe and
List-Unsubscribe-Post (RFC 8058); bodies are text/plain, text/html or multipart/alternative
with text first; every line ends in CRLF and is at most 998 octets.
"""
import email
import email.policy
import email.utils
import pathlib
import sys

TRANSACTIONAL_FLOWS = {"order-confirmation"}


def check(path: pathlib.Path) -> list[str]:
    raw = path.read_bytes()
    problems = []
    lines = raw.split(b"\r\n")
    if any(b"\n" in line or b"\r" in line for line in lines):
        problems.append("bare LF or CR")
    if any(len(line) > 998 for line in lines):
        problems.append("line over 998 octets")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version"]:
        if message[header] is None:
            problems.append(f"missing {header}")
    message_id = path.name.split(".")[1]
    domain = email.utils.parseaddr(str(message["From"]))[1].split("@")[-1]
    if str(message["Message-ID"]) != f"<{message_id}@{domain}>":
        problems.append(f"Message-ID {message['Message-ID']} is not <{message_id}@{domain}>")
    if email.utils.parsedate_to_datetime(str(message["Date"])) is None:
        problems.append("unparseable Date")
    flow = str(message["X-Flowc-Flow"])
    marketing = flow not in TRANSACTIONAL_FLOWS
    if marketing and (message["List-Unsubscribe"] is None or str(message["List-Unsubscribe-Post"]) != "List-Unsubscribe=One-Click"):
        problems.append("marketing mail without List-Unsubscribe and List-Unsubscribe-Post")
    kind = message.get_content_type()
    if kind == "multipart/alternative":
        parts = [part.get_content_type() for part in message.iter_parts()]
        if parts != ["text/plain", "text/html"]:
            problems.append(f"alternative parts {parts}")
    elif kind not in ("text/plain", "text/html"):
        problems.append(f"content type {kind}")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None or not body.get_content().strip():
        problems.append("empty body")
    return problems


def main() -> int:
    folder = pathlib.Path(sys.argv[1])
    files = sorted(folder.glob("*.eml"))
    failures = 0
    for path in files:
        for problem in check(path):
            failures += 1
            print(f"{path.name}: {problem}", file=sys.stderr)
    print(f"checked {len(files)} messages, {failures} problems")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
