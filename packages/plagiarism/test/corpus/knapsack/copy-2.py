import sys


def best_table(goods, room):
    rows = len(goods)
    dp = []
    for _ in range(rows + 1):
        dp.append([0] * (room + 1))
    for r in range(1, rows + 1):
        _, wt, gain = goods[r - 1]
        c = 0
        while c <= room:
            dp[r][c] = dp[r - 1][c]
            if wt <= c:
                alt = dp[r - 1][c - wt] + gain
                if alt > dp[r][c]:
                    dp[r][c] = alt
            c += 1
    return dp


def load(rows):
    goods = []
    for raw in rows:
        cols = raw.split()
        if len(cols) == 3:
            goods.append((cols[0], int(cols[1]), int(cols[2])))
    return goods


def taken(goods, dp, room):
    names = []
    left = room
    r = len(goods)
    while r > 0:
        if dp[r][left] != dp[r - 1][left]:
            label, wt, _ = goods[r - 1]
            names.insert(0, label)
            left = left - wt
        r -= 1
    return names


def main():
    rows = sys.stdin.read().splitlines()
    if len(rows) == 0:
        print("no input")
        return
    room = int(rows[0])
    goods = load(rows[1:])
    dp = best_table(goods, room)
    names = taken(goods, dp, room)
    weight = 0
    for label, wt, gain in goods:
        if label in names:
            weight += wt
    print(dp[len(goods)][room])
    print("weight used:", weight)
    if names:
        print(" ".join(names))
    else:
        print("(nothing)")


if __name__ == "__main__":
    main()
