#!/usr/bin/env bash
# Installs the headless browser the review page's end-to-end test drives (tests/ReportExtract.Cli.Tests/Review).
# Debian packages only; run as root (CI images are). Idempotent: does nothing when chromium is already there.
# The test needs no fonts; tools/review/screenshot.sh adds the CJK fonts a readable screenshot needs.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(chromium --version 2>/dev/null || echo unknown version)"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y chromium chromium-driver
chromium --version
