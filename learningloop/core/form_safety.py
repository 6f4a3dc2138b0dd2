"""Make Django's multiple-choice model fields refuse ids no database can hold.

`ModelMultipleChoiceField` checks the chosen ids with one `pk__in` query. Django turns an out-of-range id in
an exact lookup into "no match", but not in an `__in` lookup: SQLite raises OverflowError and PostgreSQL
a DataError, so a posted id like 99999999999999999999 gave a server error. `install()` (called from
CoreConfig.ready) makes the field refuse such ids as invalid choices first, for every form in the service."""

from django.core.exceptions import ValidationError
from django.forms.models import ModelMultipleChoiceField

BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1


def out_of_range(value) -> bool:
    """True for a whole number that no 64-bit integer column can hold."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return False
    return not BIGINT_MIN <= number <= BIGINT_MAX


def install():
    original = ModelMultipleChoiceField._check_values
    if getattr(original, "refuses_out_of_range", False):
        return

    def _check_values(self, value):
        for pk in value:
            if out_of_range(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return original(self, value)

    _check_values.refuses_out_of_range = True
    ModelMultipleChoiceField._check_values = _check_values
