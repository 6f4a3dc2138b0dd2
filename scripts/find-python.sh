#!/usr/bin/env bash
# Prints the path of a Python 3.12+ interpreter, or explains what to install and exits 1.
# Looks at $PYTHON, then python3.13 / python3.12 / python3 on PATH, then pyenv's installed versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.14 python3.13 python3.12 python3; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
if [ -d "$root/versions" ]; then
  for d in $(ls -1 "$root/versions" 2>/dev/null | sort -t. -k1,1nr -k2,2nr -k3,3nr); do
    for exe in "$root/versions/$d/bin/python3"; do [ -x "$exe" ] && candidates+=("$exe"); done
  done
fi
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
cat >&2 <<MSG
Learning Loop needs Python 3.12 or newer, and none was found
(looked for \$PYTHON, python3.13, python3.12 and python3 on PATH, and in pyenv's versions under $root).
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.12 python3.12-venv
  pyenv:          pyenv install 3.12
  macOS:          brew install python@3.12
or point PYTHON at it:  make run PYTHON=/path/to/python3.12
MSG
exit 1
