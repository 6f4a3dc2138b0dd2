"""`make bench-import`: build a 100,000-row data returns file and import it through the same code path as
an upload (core.imports.import_run_start: the upload checks, reading, validating every row, saving all or
nothing), in a throwaway SQLite database. Prints `imported 100000 rows in N s`. A script, not a test: it
only prints. The file is a CSV of about 6 MB (the upload limit is 10 MB); the import runs in the request
path here (IMPORT_BACKGROUND_ROWS raised), which is what the background task runs too."""

import datetime
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learningloop.config.settings")
WORK = tempfile.mkdtemp(prefix="bench-import-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
INDICATORS, AGENCIES = 100, 4
MONTHS = -(-ROWS // (INDICATORS * AGENCIES))


def main():
    call_command("migrate", verbosity=0, interactive=False)
    from learningloop.accounts.models import User
    from learningloop.core.imports import import_run_start
    from learningloop.core.policy import Role
    from learningloop.partnership.models import Agency
    from learningloop.performance.imports import SUBMISSIONS
    from learningloop.performance.models import Indicator, Unit
    from learningloop.performance.periods import periods_between

    agencies = [Agency.objects.create(name=f"Bench agency {i}") for i in range(AGENCIES)]
    unit = Agency.objects.create(name="Bench business unit", statutory_role="business_unit")
    user = User.objects.create(email="bench@example.org", agency=unit, roles=[Role.BU_ADMIN])
    first = datetime.date(2000, 1, 1)
    indicators = []
    for i in range(INDICATORS):
        indicator = Indicator.objects.create(
            code=f"b{i:03d}",
            name=f"Bench indicator {i}",
            unit=Unit.PERCENTAGE if i % 2 else Unit.COUNT,
            numerator="Done" if i % 2 else "",
            denominator="All" if i % 2 else "",
            collect_from=first,
        )
        indicator.providers.set(agencies)
        indicators.append(indicator)
    periods = periods_between("monthly", first, datetime.date(2100, 1, 1))[:MONTHS]
    out = io.StringIO()
    out.write(
        "Indicator code,Indicator,Agency,Period end,Value,Numerator,Denominator,Analysis and commentary\r\n"
    )
    written = 0
    for indicator in indicators:
        for agency in agencies:
            for n, period in enumerate(periods):
                if written == ROWS:
                    break
                if indicator.numerator:
                    cells = f",{40 + n % 50},{100}"
                else:
                    cells = f"{1000 + n:,}".join('""') + ",,"
                out.write(f"{indicator.code},,{agency.name},{period.end:%d/%m/%Y},{cells},\r\n")
                written += 1
    data = out.getvalue().encode()
    settings.IMPORT_BACKGROUND_ROWS = ROWS * 2
    upload = SimpleUploadedFile("returns.csv", data, content_type="text/csv")
    started = time.perf_counter()
    run = import_run_start(spec=SUBMISSIONS, upload=upload, user=user)
    elapsed = time.perf_counter() - started
    if run.status != "done":
        print(f"import failed: {run.error_count} problems, first {run.errors[:3]}")
        sys.exit(1)
    print(f"imported {run.saved_rows} rows in {elapsed:.1f} s ({len(data) / 1e6:.1f} MB file)")


if __name__ == "__main__":
    main()
