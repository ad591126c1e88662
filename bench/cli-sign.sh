#!/usr/bin/env bash
# Times one `sign` as a whole process, interleaved with `java -version` (the JVM's own floor) and a
# Go signer (bench/go-signer, standing in for the public Go client), round by round, so that each
# round's ratios hold while a shared machine's speed drifts. Prints each command's median wall and
# CPU seconds and the median of the per-round ratios to `java -version`.
#   mvn -B -DskipTests package && bench/cli-sign.sh [ROUNDS]       (default 11; Go optional)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=testdata/vectors/test-private-pkcs1.pem
printf '{"name":"ACME Corp"}' > "$work/body.json"
url=https://api.qredo.network/api/v1/p/company

declare -A commands=(
  [java-version]="java -version"
  [launcher]="target/partnerapi-harness sign --key $key --url $url --body-file $work/body.json"
  [java-jar]="java -jar target/partnerapi-harness.jar sign --key $key --url $url --body-file $work/body.json"
)
order=(java-version launcher java-jar)
if command -v go >/dev/null 2>&1; then
  (cd bench/go-signer && go build -o "$work/go-signer" .)
  commands[go-signer]="$work/go-signer -key $key -url $url -body-file $work/body.json"
  order+=(go-signer)
fi

# one warm-up round (page cache, the archive mapped once), then the counted rounds
for round in $(seq 0 "$rounds"); do
  for name in "${order[@]}"; do
    start=$(date +%s%N)
    /usr/bin/time -o "$work/cpu" -f '%U %S' ${commands[$name]} >/dev/null 2>&1
    cpu=$(cat "$work/cpu")
    end=$(date +%s%N)
    if [ "$round" -gt 0 ]; then
      echo "$round $name $(( (end - start) / 1000 )) $cpu" >> "$work/times"
    fi
  done
done

awk -v order="${order[*]}" '
  { wall[$1, $2] = $3 / 1e6; cpu[$1, $2] = $4 + $5; rounds[$1] = 1 }
  function median(values, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  END {
    split(order, names, " ")
    printf "%-13s %10s %10s %16s %16s\n", "command", "wall s", "cpu s", "wall / java -v", "cpu / java -v"
    for (k = 1; k in names; k++) {
      name = names[k]; n = 0
      for (r in rounds) {
        n++; w[n] = wall[r, name]; c[n] = cpu[r, name]
        rw[n] = wall[r, name] / wall[r, "java-version"]
        rc[n] = cpu[r, "java-version"] > 0 ? cpu[r, name] / cpu[r, "java-version"] : 0
      }
      printf "%-13s %10.3f %10.3f %16.2f %16.2f\n", name, median(w, n), median(c, n), median(rw, n), median(rc, n)
    }
    printf "(%d rounds, medians; CPU from /usr/bin/time, 10 ms resolution)\n", n
  }' "$work/times"
