# table.awk turns the output of `go test -run XXX -bench . -benchmem` in this folder into the README's
# table: per rule and path, each runner's ns/op, B/op and allocs/op, its time as a multiple of the
# library's, and the library's as a multiple of the hand-written check's.
#
#   go test -run XXX -bench . -benchmem | tee run.txt | awk -f table.awk
/^Benchmark/ {
	split($1, part, "/")
	rule = part[1]; sub(/^Benchmark/, "", rule)
	path = part[2]
	runner = part[3]; sub(/-[0-9]+$/, "", runner)
	key = rule "/" path
	if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
	ns[key, runner] = $3; bytes[key, runner] = $5; allocs[key, runner] = $7
}
END {
	print "| rule | path | runner | ns/op | B/op | allocs/op | × library | library × hand-written |"
	print "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
	split("library handwritten expr cel opa", order, " ")
	for (i = 1; i <= n; i++) {
		key = keys[i]; split(key, kp, "/")
		lib = ns[key, "library"]; hand = ns[key, "handwritten"]
		for (j = 1; j <= 5; j++) {
			r = order[j]
			if (!((key, r) in ns)) continue
			times = lib > 0 ? sprintf("%.1f", ns[key, r] / lib) : ""
			vs = (r == "library" && hand > 0) ? sprintf("%.2f", lib / hand) : ""
			printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", (j == 1 ? kp[1] : ""), (j == 1 ? kp[2] : ""), r, ns[key, r], bytes[key, r], allocs[key, r], times, vs
		}
	}
}
