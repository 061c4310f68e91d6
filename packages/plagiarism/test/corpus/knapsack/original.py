import sys


def read_items(lines):
    """Parse 'name weight value' lines into tuples."""
    items = []
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        name, weight, value = parts[0], int(parts[1]), int(parts[2])
        items.append((name, weight, value))
    return items


def knapsack(items, capacity):
    n = len(items)
    best = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        _, weight, value = items[i - 1]
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if weight <= c and best[i - 1][c - weight] + value > best[i][c]:
                best[i][c] = best[i - 1][c - weight] + value
    return best


def reconstruct(items, best, capacity):
    chosen = []
    c = capacity
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            name, weight, _ = items[i - 1]
            chosen.append(name)
            c -= weight
    chosen.reverse()
    return chosen


def main():
    data = sys.stdin.read().splitlines()
    if not data:
        print("no input")
        return
    capacity = int(data[0])
    items = read_items(data[1:])
    best = knapsack(items, capacity)
    chosen = reconstruct(items, best, capacity)
    total_weight = sum(w for name, w, v in items if name in chosen)
    print(best[len(items)][capacity])
    print("weight used:", total_weight)
    print(" ".join(chosen) if chosen else "(nothing)")


if __name__ == "__main__":
    main()
