#!/usr/bin/env bash
# Measures dfdgaudit on SQLite and PostgreSQL at 100,000 and 1,000,000 citizens: demo, audit, gdpr,
# audit -repair and gdpr -apply, each with its time and peak resident memory (/usr/bin/time). It
# starts its own PostgreSQL server on port 55432 (as the postgres user when run as root) and writes
# everything to measure.out; its README table is made from that file. It takes about 30 minutes.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
go build -o "$work/dfdgaudit" .
B="$work/dfdgaudit"
NOW=${NOW:-2026-11-26}
OUT=measure.out
: > $OUT
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
as=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -o "-p 55432 -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB" -w start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null; rm -rf "$work"' EXIT
PG=postgres://postgres@127.0.0.1:55432
for n in 100000 1000000; do
  for db in sqlite postgres; do
    if [ $db = sqlite ]; then
      DSN=$work/m$n.db
    else
      psql -q -h 127.0.0.1 -p 55432 -U postgres -c "CREATE DATABASE m$n"
      DSN="$PG/m$n?sslmode=disable"
    fi
    echo "== $db $n" >> $OUT
    for cmd in "demo -n $n" "audit -out /dev/null" "gdpr -out /dev/null" "audit -repair -out /dev/null" "gdpr -apply -out /dev/null"; do
      echo "-- $cmd" >> $OUT
      /usr/bin/time -f "maxrss_kb %M elapsed %e" "$B" $cmd -db "$DSN" -now "$NOW" -quiet >> $OUT 2>&1
    done
  done
done
echo DONE >> $OUT
