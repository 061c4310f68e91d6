import sys
from collections import Counter, defaultdict


def parse_line(line):
    parts = line.strip().split()
    if len(parts) != 5:
        return None
    if not parts[3].isdigit():
        return None
    ip, method, url, status, millis = parts
    return ip, method, url, int(status), int(millis)


class Stats:
    def __init__(self):
        self.errors = 0
        self.latency = defaultdict(list)
        self.by_host = Counter()
        self.by_status = Counter()

    def percentile(self, values, p):
        ordered = sorted(values)
        return ordered[int(round(p / 100 * (len(ordered) - 1)))]

    def add(self, ip, method, url, status, millis):
        if status >= 500:
            self.errors += 1
        self.latency[method].append(millis)
        without_scheme = url.split("//", 1)[-1]
        host = without_scheme.split("/", 1)[0].split("#", 1)[0]
        self.by_host[host] += 1
        self.by_status[status] += 1

    def report(self):
        lines = [f"status {s}: {n}" for s, n in sorted(self.by_status.items())]
        lines += [f"host {h}: {n}" for h, n in self.by_host.most_common(3)]
        for method in sorted(self.latency):
            values = self.latency[method]
            lines.append(f"{method} p50={self.percentile(values, 50)} p95={self.percentile(values, 95)}")
        lines.append("server errors: " + str(self.errors))
        return "\n".join(lines)


def main():
    stats, bad = Stats(), 0
    for line in sys.stdin:
        if line.strip() == "" or line.startswith("#"):
            continue
        record = parse_line(line)
        if record is not None:
            stats.add(*record)
        else:
            bad += 1
    print(stats.report())
    if bad > 0:
        print(f"skipped {bad} malformed lines")


main()
