"""Links every page writes (the navigation, the layout's account and footer links, a list's own filter and
export links): `reverse_once(name)` works out a URL that takes no arguments once per process instead of on
every request (ADR 0025: a page's cost is what it shows). reverse() walks the URL patterns each time; the
layout alone asked it for about 40 fixed addresses a page.

The cache is keyed by the URL configuration's resolver and the script prefix, so a test that swaps the URL
configuration (override_settings(ROOT_URLCONF=...), which clears Django's resolver cache) or a deployment
under a sub-path gets its own addresses.

`reverse_numbered(name, kwargs)` does the same for a record's links (`pk=42`): a list of 50 rows asked
reverse() for 50 addresses of the same shape, each a walk of the patterns (about 65 microseconds). The
shape is worked out once, by reversing with two sets of stand-in numbers and keeping the address only if
the two differ just where the numbers go; every later address is that shape with the numbers written in.
Only non-negative whole numbers are written in this way (what the `int` converter takes, written as
str() writes them); anything else goes to reverse()."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.urls.exceptions import NoReverseMatch


@lru_cache(maxsize=4096)
def _reversed(resolver, prefix, name):
    return reverse(name)


def reverse_once(name: str) -> str:
    """reverse(name) for a URL name that takes no arguments, remembered."""
    resolver = get_resolver(get_urlconf() or settings.ROOT_URLCONF)
    return _reversed(resolver, get_script_prefix(), name)


# Two stand-ins for each argument, far outside any real key, so neither can occur elsewhere in an address.
_STAND_INS = (7_306_429_158, 8_517_630_249)


def _reverse_with(name, keys, values):
    """reverse() with `values` for `keys`: keyword arguments, or positional ones when the keys are 0, 1..."""
    if keys and keys[0] == 0:
        return reverse(name, args=list(values))
    return reverse(name, kwargs=dict(zip(keys, values, strict=True)))


@lru_cache(maxsize=4096)
def _shape(resolver, prefix, name, keys):
    """The address of `name` as (literal, key, literal, key, ..., literal), or None when the stand-ins do
    not show the numbers' places unambiguously (or the pattern refuses them)."""
    try:
        addresses = [
            _reverse_with(name, keys, [stand_in + i for i in range(len(keys))]) for stand_in in _STAND_INS
        ]
    except NoReverseMatch:
        return None
    first = addresses[0]
    places = sorted((first.find(str(_STAND_INS[0] + i)), i) for i in range(len(keys)))
    if any(first.count(str(_STAND_INS[0] + i)) != 1 for i in range(len(keys))):
        return None
    parts, at = [], 0
    for place, i in places:
        parts += [first[at:place], keys[i]]
        at = place + len(str(_STAND_INS[0] + i))
    parts.append(first[at:])
    rebuilt = "".join(str(_STAND_INS[1] + keys.index(p)) if j % 2 else p for j, p in enumerate(parts))
    return tuple(parts) if rebuilt == addresses[1] else None


def numbered_shape(name: str, keys: tuple):
    """The remembered shape of `name`'s address with these keyword arguments (sorted), or positional ones
    (keys 0, 1, ...), under the URL configuration and script prefix in force: (literal, key, ...), or None."""
    resolver = get_resolver(get_urlconf() or settings.ROOT_URLCONF)
    return _shape(resolver, get_script_prefix(), name, keys)


def numbered(value) -> bool:
    """Whether `value` is written into an address shape: a whole number of zero or more (not a bool)."""
    return type(value) is int and value >= 0


def reverse_numbered(name: str, args=(), kwargs=None) -> str:
    """reverse(name, args=args, kwargs=kwargs) (one or the other), from the address's remembered shape when
    every value is a whole number of zero or more."""
    given = dict(enumerate(args)) if args else (kwargs or {})
    if given and not (args and kwargs) and all(numbered(value) for value in given.values()):
        shape = numbered_shape(name, tuple(sorted(given)))
        if shape is not None:
            return "".join(str(given[part]) if i % 2 else part for i, part in enumerate(shape))
    return reverse(name, args=args or None, kwargs=kwargs or None)
