import sys
from collections import Counter, defaultdict

# Each line: "<ip> <method> <url> <status> <millis>", e.g.
# 10.0.0.1 GET http://example.com/a#top 200 12


class Stats:
    def __init__(self):
        self.by_status = Counter()
        self.by_host = Counter()
        self.latency = defaultdict(list)
        self.errors = 0

    def add(self, ip, method, url, status, millis):
        self.by_status[status] += 1
        host = url.split("//", 1)[-1].split("/", 1)[0].split("#", 1)[0]
        self.by_host[host] += 1
        self.latency[method].append(millis)
        if status >= 500:
            self.errors += 1

    def percentile(self, values, p):
        ordered = sorted(values)
        index = int(round(p / 100 * (len(ordered) - 1)))
        return ordered[index]

    def report(self):
        lines = []
        for status, n in sorted(self.by_status.items()):
            lines.append(f"status {status}: {n}")
        for host, n in self.by_host.most_common(3):
            lines.append(f"host {host}: {n}")
        for method in sorted(self.latency):
            values = self.latency[method]
            p50 = self.percentile(values, 50)
            p95 = self.percentile(values, 95)
            lines.append(f"{method} p50={p50} p95={p95}")
        lines.append("server errors: " + str(self.errors))
        return "\n".join(lines)


def parse_line(line):
    parts = line.strip().split()
    if len(parts) != 5 or not parts[3].isdigit():
        return None
    ip, method, url, status, millis = parts
    return ip, method, url, int(status), int(millis)


def main():
    stats = Stats()
    bad = 0
    for line in sys.stdin:
        if not line.strip() or line.startswith("#"):
            continue
        record = parse_line(line)
        if record is None:
            bad += 1
            continue
        stats.add(*record)
    print(stats.report())
    if bad:
        print(f"skipped {bad} malformed lines")


main()
