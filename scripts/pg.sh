#!/usr/bin/env bash
# pg.sh starts and stops a throwaway PostgreSQL server for tests.
#
#   scripts/pg.sh start DIR   start a server with its data in DIR, print its DSN
#   scripts/pg.sh stop DIR    stop the server started in DIR
#
# The server listens on 127.0.0.1 only, on a free port, with its Unix socket
# inside DIR, trusts local connections (no password) and runs with fsync off:
# it is for tests, never for data anyone wants to keep. It uses the system's
# PostgreSQL (Debian: /usr/lib/postgresql/*/bin), installing it with apt-get
# when it is missing and we are root. PostgreSQL refuses to run as root; as
# root, the server runs as the "postgres" user (created if needed).
#
# Typical use:
#   export PARALLAX_TEST_POSTGRES=$(scripts/pg.sh start /tmp/pg)
#   go test ./internal/store/...
#   scripts/pg.sh stop /tmp/pg
set -euo pipefail

usage() {
	echo "usage: $0 start|stop DIR" >&2
	exit 2
}

die() {
	echo "pg.sh: $*" >&2
	exit 1
}

# bindir prints the directory holding initdb, pg_ctl and pg_isready.
bindir() {
	local d candidates=()
	# initdb on the PATH is often a symlink into the real directory.
	if command -v initdb >/dev/null 2>&1; then
		candidates+=("$(dirname "$(readlink -f "$(command -v initdb)")")")
	fi
	# Debian's versioned directories, the newest first.
	candidates+=($(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r))
	for d in "${candidates[@]}"; do
		if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/pg_isready ]]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

# find_or_install_bindir prints the PostgreSQL binary directory, installing
# the server first if it is missing and we can.
find_or_install_bindir() {
	local d
	if d=$(bindir); then
		echo "$d"
		return 0
	fi
	if [[ $(id -u) -ne 0 ]]; then
		die "initdb not found: install the PostgreSQL server (Debian: apt-get install postgresql)"
	fi
	echo "pg.sh: initdb not found; installing postgresql with apt-get" >&2
	{
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
	} >&2 || die "apt-get install postgresql failed"
	bindir || die "initdb still not found after installing postgresql"
}

# as_owner runs its arguments as the user who owns the server: ourselves, or
# the unprivileged "postgres" user when we are root.
as_owner() {
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on. The
# server may still lose a race for it; start retries with another port.
free_port() {
	local port tries
	for tries in $(seq 1 100); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	die "no free port found"
}

start() {
	local dir=$1 bin port attempt
	bin=$(find_or_install_bindir)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [[ -f $dir/data/postmaster.pid ]]; then
		die "a server already runs in $dir (or did not stop cleanly): $0 stop $dir"
	fi

	if [[ $(id -u) -eq 0 ]]; then
		if ! id postgres >/dev/null 2>&1; then
			useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres
		fi
		chown -R postgres: "$dir"
		# The server must be able to reach DIR through its parents.
		runuser -u postgres -- test -x "$dir" ||
			die "user postgres cannot enter $dir: choose a DIR under /tmp"
	fi

	if [[ ! -f $dir/data/PG_VERSION ]]; then
		as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
			--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	fi
	as_owner mkdir -p "$dir/run"

	for attempt in 1 2 3 4 5; do
		port=$(free_port)
		if as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --silent \
			--options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/run' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
			start >/dev/null 2>&1; then
			break
		fi
		port=
	done
	[[ -n $port ]] || { tail -n 20 "$dir/server.log" >&2; die "the server did not start"; }
	echo "$port" >"$dir/port"

	local i
	for i in $(seq 1 100); do
		if "$bin/pg_isready" --quiet --host=127.0.0.1 --port="$port" --username=postgres; then
			echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
			return 0
		fi
		sleep 0.1
	done
	tail -n 20 "$dir/server.log" >&2
	die "the server on port $port did not become ready"
}

stop() {
	local dir=$1 bin
	[[ -d $dir/data ]] || die "no server data in $dir"
	bin=$(bindir) || die "pg_ctl not found"
	if [[ ! -f $dir/data/postmaster.pid ]]; then
		echo "pg.sh: no server running in $dir" >&2
		return 0
	fi
	as_owner "$bin/pg_ctl" --pgdata="$dir/data" --silent --mode=fast stop
}

[[ $# -eq 2 ]] || usage
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
*) usage ;;
esac
