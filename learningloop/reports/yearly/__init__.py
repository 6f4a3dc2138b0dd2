"""The partners' yearly report: a builder for a reporting year whose sections are read from live data
(sections.py), with the partners' own text over and under each; the three safeguarding partners' sign-off,
which freezes it; its Word and PDF documents; and its publication on the public hub."""
