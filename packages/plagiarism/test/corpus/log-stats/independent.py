import sys
import statistics
from urllib.parse import urlsplit


def nearest_rank(sorted_values, pct):
    # nearest-rank percentile on an already sorted list
    k = max(0, min(len(sorted_values) - 1, round(pct / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


status_count = {}
host_count = {}
times = {}
malformed = 0
errors = 0

for raw in sys.stdin.read().splitlines():
    raw = raw.strip()
    if raw == "" or raw[0] == "#":
        continue
    try:
        _ip, verb, url, code, ms = raw.split()
        code, ms = int(code), int(ms)
    except ValueError:
        malformed += 1
        continue
    status_count[code] = status_count.get(code, 0) + 1
    host = urlsplit(url if "//" in url else "//" + url).hostname or url
    host_count[host] = host_count.get(host, 0) + 1
    times.setdefault(verb, []).append(ms)
    errors += code >= 500

for code in sorted(status_count):
    print("status %d: %d" % (code, status_count[code]))
top = sorted(host_count.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
for host, n in top:
    print("host %s: %d" % (host, n))
for verb in sorted(times):
    xs = sorted(times[verb])
    print("%s p50=%s p95=%s" % (verb, nearest_rank(xs, 50), nearest_rank(xs, 95)))
print("server errors:", errors)
if malformed:
    print("skipped %d malformed lines" % malformed)
print("mean latency: %.1f" % statistics.mean(x for v in times.values() for x in v) if times else "")
