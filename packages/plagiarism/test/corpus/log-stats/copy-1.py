import sys
from collections import defaultdict, Counter


def split_record(text):
    """Split a log line; None if it is malformed."""
    fields = text.strip().split()
    if len(fields) != 5 or not fields[3].isdigit():
        return None
    addr, verb, link, code, ms = fields
    return addr, verb, link, int(code), int(ms)


class Summary:
    """Aggregates log records."""

    def __init__(self):
        self.codes = Counter()
        self.hosts = Counter()
        self.times = defaultdict(list)
        self.failures = 0

    def pct(self, xs, q):
        xs_sorted = sorted(xs)
        pos = int(round(q / 100 * (len(xs_sorted) - 1)))
        return xs_sorted[pos]

    def record(self, addr, verb, link, code, ms):
        self.codes[code] += 1
        # strip scheme, path and fragment
        h = link.split("//", 1)[-1].split("/", 1)[0].split("#", 1)[0]
        self.hosts[h] += 1
        self.times[verb].append(ms)
        if code >= 500:
            self.failures = self.failures + 1

    def render(self):
        out = []
        for code, cnt in sorted(self.codes.items()):
            out.append(f"status {code}: {cnt}")
        for h, cnt in self.hosts.most_common(3):
            out.append(f"host {h}: {cnt}")
        for verb in sorted(self.times):
            xs = self.times[verb]
            median = self.pct(xs, 50)
            high = self.pct(xs, 95)
            out.append(f"{verb} p50={median} p95={high}")
        out.append("server errors: " + str(self.failures))
        return "\n".join(out)


def main():
    summary = Summary()
    skipped = 0
    for text in sys.stdin:
        if not text.strip() or text.startswith("#"):  # comments in the log
            continue
        rec = split_record(text)
        if rec is None:
            skipped += 1
            continue
        summary.record(*rec)
    print(summary.render())
    if skipped:
        print(f"skipped {skipped} malformed lines")


main()
