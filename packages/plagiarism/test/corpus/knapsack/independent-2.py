import sys

# Classic bottom-up 0/1 knapsack table, then trace back which items were used.


def main():
    lines = sys.stdin.read().strip().split("\n")
    if not lines or not lines[0].strip():
        print("no input")
        return
    W = int(lines[0])
    items = []
    for ln in lines[1:]:
        p = ln.split()
        if len(p) == 3:
            items.append((p[0], int(p[1]), int(p[2])))
    n = len(items)
    dp = [[0 for _ in range(W + 1)] for _ in range(n + 1)]
    for i, (nm, w, v) in enumerate(items, start=1):
        for cap in range(W + 1):
            without = dp[i - 1][cap]
            with_it = dp[i - 1][cap - w] + v if w <= cap else -1
            dp[i][cap] = max(without, with_it)
    picks = []
    cap = W
    used = 0
    for i in range(n, 0, -1):
        if dp[i][cap] == dp[i - 1][cap]:
            continue
        nm, w, v = items[i - 1]
        picks.append(nm)
        cap -= w
        used += w
    picks = picks[::-1]
    print(dp[n][W])
    print("weight used:", used)
    print(" ".join(picks) if picks else "(nothing)")


main()
