#!/usr/bin/env bash
# Copies only the GOV.UK Frontend files a page needs out of node_modules (no Sass build):
#   build/static/govuk/  the CSS and JS (served under /static/ with hashed names in production)
#   build/root/assets/   fonts, images and manifest (the CSS refers to /assets/... at the site root)
set -euo pipefail
src=node_modules/govuk-frontend/dist/govuk
rm -rf build/static build/root
mkdir -p build/static/govuk build/root
cp "$src"/govuk-frontend.min.css "$src"/govuk-frontend.min.css.map build/static/govuk/
cp "$src"/govuk-frontend.min.js "$src"/govuk-frontend.min.js.map build/static/govuk/
cp -r "$src"/assets build/root/assets
