"""A virus scan by ClamAV's daemon (clamd) over its socket, with clamd's INSTREAM command: the file is sent in
chunks, each after its length as 4 bytes big-endian, then a zero length; clamd answers "stream: OK" or
"stream: <signature> FOUND" (or an error), ended by a NUL byte because the command starts with "z".

The address is a unix socket path (`/run/clamav/clamd.ctl`, also `unix:///run/...`) or `tcp://host:port`.
Anything other than a clean answer — a finding, an error, a timeout, no daemon — is a ScanError or an
Infected, so callers can fail closed."""

import socket
import struct
from urllib.parse import urlsplit

CHUNK = 64 * 1024
MAX_REPLY = 4096


class ScanError(Exception):
    """The file could not be scanned: no daemon, a timeout, a broken or unexpected answer."""


class Infected(Exception):
    """clamd found something; `signature` is its name, e.g. Eicar-Test-Signature."""

    def __init__(self, signature: str):
        super().__init__(signature)
        self.signature = signature


def _connect(address: str, timeout: float) -> socket.socket:
    if address.startswith("tcp://"):
        parts = urlsplit(address)
        if not parts.hostname or not parts.port:
            raise ScanError(f"CLAMAV_SOCKET {address!r} needs a host and a port")
        return socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    path = address.removeprefix("unix://")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
    except BaseException:
        sock.close()
        raise
    return sock


def scan(stream, *, address: str, timeout: float = 30) -> None:
    """Scan a binary file object from its start. Returns if clamd says it is clean; raises Infected or
    ScanError otherwise. The stream is left at its start."""
    stream.seek(0)
    try:
        with _connect(address, timeout) as sock:
            sock.sendall(b"zINSTREAM\0")
            while chunk := stream.read(CHUNK):
                sock.sendall(struct.pack(">I", len(chunk)) + chunk)
            sock.sendall(struct.pack(">I", 0))
            reply = b""
            while not reply.endswith(b"\0") and len(reply) < MAX_REPLY:
                data = sock.recv(MAX_REPLY)
                if not data:
                    break
                reply += data
    except OSError as error:  # refused, missing socket, timeout, reset while sending
        raise ScanError(f"clamd at {address} could not be reached: {error}") from error
    finally:
        stream.seek(0)
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer == "stream: OK":
        return
    if answer.startswith("stream: ") and answer.endswith(" FOUND"):
        raise Infected(answer.removeprefix("stream: ").removesuffix(" FOUND").strip())
    raise ScanError(f"clamd at {address} answered {answer[:200]!r}")
