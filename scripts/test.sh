#!/usr/bin/env bash
# test.sh runs every test of Parallax, as `make test` and CI do.
#
# It installs and starts what the tests need, and stops it afterwards:
#   - Go modules (go mod download);
#   - a throwaway PostgreSQL from the system's binaries on a loopback port
#     (scripts/pg.sh), so the store conformance suite and the end-to-end
#     tests run against PostgreSQL as well as SQLite;
#   - Debian's Chromium, for the browser tests (chromedp), when missing;
#     their screenshots go to test-artifacts/browser.
#
# Tests that read ../shared (the seed articles, the BBC corpus) skip with a
# message when it is absent.
#
# Environment:
#   GO_TEST_FLAGS  extra flags for go test (e.g. -run TestBBC -v)
#   PARALLAX_TEST_POSTGRES  use this PostgreSQL instead of starting one
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Go modules"
go mod download

pgdir=""
cleanup() {
	if [[ -n $pgdir ]]; then
		scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || true
		rm -rf "$pgdir"
	fi
}
trap cleanup EXIT

if [[ -z ${PARALLAX_TEST_POSTGRES:-} ]]; then
	echo "==> Starting a throwaway PostgreSQL"
	pgdir=$(mktemp -d /tmp/parallax-pg.XXXXXX)
	PARALLAX_TEST_POSTGRES=$(scripts/pg.sh start "$pgdir")
	export PARALLAX_TEST_POSTGRES
	echo "    $PARALLAX_TEST_POSTGRES"
fi

# The browser tests drive Debian's Chromium; install it when missing, and
# make the tests fail rather than skip if it still cannot be found.
if ! command -v chromium >/dev/null && [[ -z ${PARALLAX_CHROMIUM:-} ]]; then
	echo "==> Installing Chromium for the browser tests"
	sudo=""
	if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq || true
	$sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export PARALLAX_REQUIRE_BROWSER=1
# Screenshots of the browser tests.
export PARALLAX_ARTIFACTS=${PARALLAX_ARTIFACTS:-$PWD/test-artifacts}

echo "==> go vet"
go vet ./...

echo "==> go test"
go test -count=1 -timeout 30m ${GO_TEST_FLAGS:-} ./...
