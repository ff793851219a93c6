#!/bin/sh
# testdata/measure.sh [SIZE...]: whole-process figures of `untether audit`
# with GNU time (/usr/bin/time -v): wall clock, CPU and peak memory, for
# the synthetic demo shape, the fault-tree shape and the chain and cycle
# stress cases. Run it from the repository root; it builds the binary and
# writes estates and reports under a temporary directory it removes.
# Note the machine's load (uptime) beside the figures: on a loaded machine
# wall clock grows while CPU seconds stay put.
set -eu
export UNTETHER_PROGRESS=off # figures only
sizes=${*:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/untether" ./cmd/untether
uptime
measure() { # name estate-args...
	name=$1
	shift
	"$dir/untether" demo "$@" -o "$dir/$name.json"
	/usr/bin/time -v "$dir/untether" audit "$dir/$name.json" -o "$dir/$name.txt" 2>"$dir/$name.time"
	awk -v n="$name" -F': ' '/Elapsed/ {w=$2} /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
		END {printf "%-22s wall %s  cpu %.2f s  peak %.0f MB\n", n, w, u+s, m/1024}' "$dir/$name.time"
}
for n in $sizes; do
	measure "synthetic-$n" --size "$n" --seed 3
	measure "fault-tree-$n" --shape fault-tree --size "$n"
	measure "chain-$n" --shape chain --size "$n"
	measure "cycle-$n" --shape cycle --size "$n"
done
uptime
