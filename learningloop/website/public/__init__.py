"""The public learning hub: pages, search, themes, the Atom feed and downloads, with no sign-in. Reads only
the website's snapshot models (import-linter contract "The public hub reads only published snapshots")."""
