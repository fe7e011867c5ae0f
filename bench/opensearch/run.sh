#!/usr/bin/env bash
# Import and timeline speed of the embedded engine and the OpenSearch engine on the 1tv corpus
# repeated N times (each copy under new URLs, so every article is new). The repeated file is
# written to /tmp, never into the repository.
#
#   bash .ci/setup-opensearch.sh            # a node on 127.0.0.1:9200
#   bash bench/opensearch/run.sh 1          # N = 1 (144,944 articles); N = 10 is the 1.45M run
#   bash bench/opensearch/run.sh 1 opensearch   # one engine only (lucene or opensearch)
#
# env: NWATCH_OPENSEARCH_URL (http://127.0.0.1:9200), BENCH_TMP (/tmp/nwatch-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1}"
SRC="${BENCH_SRC:-../shared/data/news/1tv_ru.jsonl.gz}"
TMP="${BENCH_TMP:-/tmp/nwatch-bench}"
URL="${NWATCH_OPENSEARCH_URL:-http://127.0.0.1:9200}"
mkdir -p "$TMP"
FILE="$TMP/1tv_x${N}.jsonl.gz"
if [[ ! -f "$FILE" ]]; then
  echo "writing $FILE" >&2
  python3 - "$SRC" "$FILE" "$N" <<'PY'
import gzip, json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with gzip.open(dst, "wt", encoding="utf-8", compresslevel=1) as out:
    for copy in range(n):
        with gzip.open(src, "rt", encoding="utf-8") as f:
            for line in f:
                try:
                    r = json.loads(line)
                except ValueError:
                    out.write(line)
                    continue
                if copy > 0 and isinstance(r.get("url"), str):
                    r["url"] = r["url"] + ("&" if "?" in r["url"] else "?") + "copy=" + str(copy)
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
fi
./nwatch --version >/dev/null   # builds target/nwatch.jar when it is missing or stale
rm -rf "$TMP/lucene-index"
echo "1tv x$N: $(zcat "$FILE" | wc -l) lines; $(nproc) cores; node heap: see .ci/setup-opensearch.sh"
java -Xmx4g -cp target/nwatch.jar bench/opensearch/EngineBench.java "$FILE" "$URL" "$TMP/lucene-index" "${2:-}"
