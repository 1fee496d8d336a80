#!/usr/bin/env bash
# Regenerates docs/review-page.png, the review page screenshot the documentation shows: runs the browser test,
# which renders a page (a hand-made report with metrics, then the samples) in headless Chromium and captures it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/tools/review/install-browser.sh"
mkdir -p "$root/docs"
REVIEW_SCREENSHOT="$root/docs/review-page.png" dotnet test "$root/tests/ReportExtract.Cli.Tests" \
    --filter "FullyQualifiedName~ReviewPageBrowserTests"
echo "wrote $root/docs/review-page.png"
