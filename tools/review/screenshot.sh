#!/usr/bin/env bash
# Regenerates docs/review-page.png, the review page screenshot the documentation shows: runs the browser test,
# which renders the samples' page in headless Chromium (the hand-made test report's page while the pipeline finds
# no metrics in the samples) and captures a figure with its details open.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/tools/review/install-browser.sh"
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk
fi
mkdir -p "$root/docs"
REVIEW_SCREENSHOT="$root/docs/review-page.png" dotnet test "$root/tests/ReportExtract.Cli.Tests" \
    --filter "FullyQualifiedName~ReviewPageBrowserTests"
echo "wrote $root/docs/review-page.png"
