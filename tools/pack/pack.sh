#!/usr/bin/env bash
# Packs reportx as the .NET tool the README installs: the pointer package, the portable framework-dependent build
# (`any`, for every platform without a package of its own) and this machine's platform built Native AOT.
# Native AOT links with clang: on Debian/Ubuntu the script installs it (apt-get) when it is missing. Without
# clang it packs the portable build alone, and says so. Other platforms' packages are made on those platforms
# (Native AOT does not cross-compile between operating systems): `dotnet pack src/ReportExtract.Cli -c Release -r RID`.
# Usage: tools/pack/pack.sh [OUT_DIR=artifacts]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts}
project=src/ReportExtract.Cli

if ! command -v clang >/dev/null && command -v apt-get >/dev/null; then
  echo "pack.sh: installing clang (Native AOT links with it)" >&2
  { apt-get update -qq && apt-get install -y -qq clang zlib1g-dev; } >/dev/null 2>&1 || echo "pack.sh: could not install clang" >&2
fi

rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | sed -n 1p)
# The platforms the pointer package names (the csproj's list); `dotnet tool install` takes the one for its machine.
rids=$(sed -n 's:.*<ToolPackageRuntimeIdentifiers>\(.*\)</ToolPackageRuntimeIdentifiers>.*:\1:p' "$project/ReportExtract.Cli.csproj")
if command -v clang >/dev/null && [[ ";$rids;" == *";$rid;"* ]]; then
  dotnet pack "$project" -c Release -o "$out" --nologo
  dotnet pack "$project" -c Release -r any -o "$out" --nologo
  dotnet pack "$project" -c Release -r "$rid" -o "$out" --nologo
  echo "pack.sh: $out holds reportx for $rid (Native AOT) and the portable build for other platforms" >&2
else
  # A pointer naming only `any`: otherwise `dotnet tool install` would look for this platform's missing package.
  dotnet pack "$project" -c Release -o "$out" --nologo -p:ToolPackageRuntimeIdentifiers=any
  dotnet pack "$project" -c Release -r any -o "$out" --nologo -p:ToolPackageRuntimeIdentifiers=any
  echo "pack.sh: no Native AOT build for $rid (clang missing or platform not listed): $out holds the portable build" >&2
fi
