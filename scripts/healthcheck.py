"""The container's health check: GET /healthz on this container's gunicorn, as the reverse proxy would ask
(the first allowed host name, over HTTPS as far as Django can tell), so the production settings answer it
instead of redirecting. Exit 0 when it answers 200 (the database answers too), 1 otherwise."""

import os
import sys
import urllib.error
import urllib.request

host = (os.environ.get("DJANGO_ALLOWED_HOSTS") or "localhost").split(",")[0].strip()
request = urllib.request.Request(
    "http://127.0.0.1:8000/healthz", headers={"Host": host, "X-Forwarded-Proto": "https"}
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 - a fixed loopback URL
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError) as error:
    print(f"healthz: {error}", file=sys.stderr)
    sys.exit(1)
