"""A real SMTP server for tests (aiosmtpd) that records what it accepted.

It can refuse the next messages with a temporary error, answer slowly (so that racing
workers overlap), or hold a message without answering (as a server does while a client is
killed mid-delivery).
"""

import asyncio
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.processes import free_port


class RecordingHandler:
    """Accepts messages (250) and keeps them parsed; optional failures, delays and holds."""

    def __init__(self) -> None:
        self.accepted: list[EmailMessage] = []
        self.attempts = 0
        self.refuse_next = 0
        self.hold_from: int | None = None  # hold every message after this many were accepted
        self.delay_seconds = 0.0  # how long each accepted message waits for its answer
        self.holding = threading.Event()
        self.released = threading.Event()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        """Record the message, unless told to refuse or hold it."""
        with self.lock:
            self.attempts += 1
            if self.refuse_next:
                self.refuse_next -= 1
                return "451 4.3.0 Temporary failure, try again later"
            hold = self.hold_from is not None and len(self.accepted) >= self.hold_from
        if hold:
            self.holding.set()
            for _ in range(300):  # no answer until released: the client is killed meanwhile
                if self.released.is_set():
                    break
                await asyncio.sleep(0.1)
            return "451 4.3.0 Not accepted"
        if self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.accepted.append(message)
        return "250 OK"

    def recipients(self) -> list[str]:
        """The To: address of every accepted message, in order."""
        return [str(message["To"]) for message in self.accepted]


class SMTPServer:
    """aiosmtpd on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SMTPServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.handler.released.set()
        self.controller.stop()

    def django_settings(self) -> dict:
        """Settings that make Django's SMTP backend deliver here."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": 10,
        }
