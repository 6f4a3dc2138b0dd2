"""The words of a finding as the suggestions see them: tokens, their English stems (Snowball, the same
algorithm family PostgreSQL's `english` configuration and SQLite's porter tokenizer use), and which themes'
terms and phrases a text uses. No ranking here: the database ranks (search.py).

A theme's line may name several ways of saying one thing, separated by " = " ("chronology = timeline =
build-up of concerns"): a synonym group. A finding that uses one of them is searched for the others as
well as for its own words (suggestions.py), which is narrower than searching for the whole theme."""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from learningloop.learning.words import STOPWORDS

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def query_words(text: str) -> list[str]:
    """The words of `text` worth searching for, in order, each once: three letters or more, not a common
    word (and not one every finding uses, such as "child" or "agencies")."""
    seen, words = set(), []
    for word in tokens(text):
        lower = word.lower()
        if len(lower) >= 3 and lower not in STOPWORDS and not lower.isdigit() and lower not in seen:
            seen.add(lower)
            words.append(lower)
    return words


def stems_of(text: str) -> set[str]:
    return {stem(w) for w in query_words(text)}


@dataclass(frozen=True)
class Phrase:
    """One of a theme's terms (or its name): its words as written, and their stems."""

    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    acronym: bool  # short and written in capitals ("DA", "CIN"): matched only in capitals


def phrase(text: str) -> Phrase | None:
    words = tuple(tokens(text))
    if not words:
        return None
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) <= 5
    return Phrase(text.strip(), tuple(w.lower() for w in words), tuple(stem(w) for w in words), acronym)


SYNONYMS = "="  # separates the ways of saying one thing on a theme's line


def alternatives(line: str) -> list[str]:
    """The ways of saying one thing written on one line of a theme's terms (one, or several joined by =)."""
    return [part.strip() for part in line.split(SYNONYMS) if part.strip()]


@dataclass(frozen=True)
class ThemeWords:
    pk: int
    name: str
    phrases: tuple[Phrase, ...]
    groups: tuple[tuple[Phrase, ...], ...] = ()  # synonym groups: two or more phrases that say one thing


def theme_words(themes) -> list[ThemeWords]:
    """Each theme with its name and terms as phrases (from Theme rows with `term_list`)."""
    return [_theme_words(theme.pk, theme.name, tuple(theme.term_list)) for theme in themes]


@lru_cache(maxsize=512)
def _theme_words(pk: int, name: str, terms: tuple[str, ...]) -> ThemeWords:
    phrases, groups = [], []
    for line in (name, *terms):
        group = [p for p in (phrase(part) for part in alternatives(line)) if p]
        phrases += [p for p in group if p not in phrases]
        if len(group) > 1:
            groups.append(tuple(group))
    return ThemeWords(pk, name, tuple(phrases), tuple(groups))


class Text:
    """A text's tokens and stems, worked out once, for finding phrases in it."""

    def __init__(self, text: str):
        self.source = text
        self.raw = tokens(text)
        self.stems = [stem(w) for w in self.raw]
        self.stem_set = set(self.stems)

    def has(self, p: Phrase) -> bool:
        if p.acronym:
            return p.words[0].upper() in self.raw
        n = len(p.stems)
        if n == 1:
            return p.stems[0] in self.stem_set
        if not set(p.stems) <= self.stem_set:
            return False
        return any(tuple(self.stems[i : i + n]) == p.stems for i in range(len(self.stems) - n + 1))


@lru_cache(maxsize=20000)
def analysed_text(text: str) -> Text:
    """The same Text for the same words, kept for the process: the earlier findings the suggestions read
    again and again are not split and stemmed on every page."""
    return Text(text)


@lru_cache(maxsize=8)
def vocabulary_for(themes: tuple[ThemeWords, ...]) -> "Vocabulary":
    """One index per set of themes (a theme's edit gives a new set, so a new index)."""
    return Vocabulary(list(themes))


class Vocabulary:
    """The themes' phrases indexed by their first stem (or acronym), so that finding which themes a text
    uses costs a look-up per word of the text, not a pass over every phrase."""

    def __init__(self, themes: list[ThemeWords]):
        self.themes = themes
        self.by_pk = {t.pk: t for t in themes}
        self.index: dict[str, list[tuple[int, Phrase]]] = {}
        self.groups_of: dict[Phrase, list[tuple[Phrase, ...]]] = {}
        self._recognised: dict[str, dict[int, list[str]]] = {}
        for theme in themes:
            for p in theme.phrases:
                key = p.words[0].upper() if p.acronym else p.stems[0]
                self.index.setdefault(key, []).append((theme.pk, p))
            for group in theme.groups:
                for p in group:
                    self.groups_of.setdefault(p, []).append(group)

    def synonyms(self, text: Text) -> list[Phrase]:
        """The other ways of saying what `text` says, from every synonym group one of whose phrases it
        uses (whatever the theme), in the order written, each once."""
        found, seen = [], set()
        keys = text.stem_set | {w for w in text.raw if w.isupper()}
        for key in sorted(keys):
            for _, p in self.index.get(key, ()):
                if p in self.groups_of and text.has(p):
                    for group in self.groups_of[p]:
                        for other in group:
                            if other not in seen and not text.has(other):
                                seen.add(other)
                                found.append(other)
        return found

    def recognised(self, text: Text) -> dict[int, list[str]]:
        """The themes whose name or terms `text` uses: {theme pk: [the phrases found]} (kept per text)."""
        if text.source in self._recognised:
            return self._recognised[text.source]
        found = self._recognised[text.source] = self._find(text)
        if len(self._recognised) > 20000:
            self._recognised.clear()
        return found

    def _find(self, text: Text) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        keys = text.stem_set | {w for w in text.raw if w.isupper()}
        for key in keys:
            for pk, p in self.index.get(key, ()):
                if text.has(p) and p.text not in found.get(pk, ()):
                    found.setdefault(pk, []).append(p.text)
        return found


def recognised(text: Text, vocabulary: list[ThemeWords]) -> dict[int, list[str]]:
    """The themes whose name or terms `text` uses: {theme pk: [the phrases found]}."""
    return Vocabulary(vocabulary).recognised(text)
