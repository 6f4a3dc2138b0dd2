"""A small stand-in for ClamAV's daemon in tests: it speaks clamd's INSTREAM command on a loopback TCP port or
a unix socket, answers "stream: Eicar-Test-Signature FOUND" when the file holds the EICAR test string and
"stream: OK" otherwise. Other modes misbehave on purpose: "error" answers as clamd does when a stream is too
long, "silent" never answers (the client must time out)."""

import socketserver
import struct
import threading

# The EICAR anti-virus test file, assembled here so this source file does not itself look infected.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-" + b"TEST-FILE!$H+H*"


def _read_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("client went away")
        data += chunk
    return data


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        daemon = self.server.fake
        command = b""
        while not command.endswith(b"\0"):
            byte = self.request.recv(1)
            if not byte:
                return
            command += byte
        if command != b"zINSTREAM\0":
            self.request.sendall(b"UNKNOWN COMMAND\0")
            return
        data = b""
        while True:
            (length,) = struct.unpack(">I", _read_exactly(self.request, 4))
            if length == 0:
                break
            data += _read_exactly(self.request, length)
        daemon.scanned.append(data)
        if daemon.mode == "silent":
            daemon.release.wait(10)
            return
        if daemon.mode == "error":
            self.request.sendall(b"INSTREAM size limit exceeded. ERROR\0")
        elif EICAR in data:
            self.request.sendall(b"stream: Eicar-Test-Signature FOUND\0")
        else:
            self.request.sendall(b"stream: OK\0")


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class _UnixServer(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True


class FakeClamd:
    def __init__(self, mode="scan", unix_path=None):
        self.mode = mode
        self.scanned = []
        self.release = threading.Event()
        if unix_path:
            self.server = _UnixServer(str(unix_path), _Handler)
            self.address = str(unix_path)
        else:
            self.server = _TCPServer(("127.0.0.1", 0), _Handler)
            self.address = f"tcp://127.0.0.1:{self.server.server_address[1]}"
        self.server.fake = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
