import sys
from functools import lru_cache

# Top-down memoised recursion over (index, remaining capacity).

def main():
    lines = [l for l in sys.stdin.read().split("\n") if l.strip()]
    if not lines:
        print("no input")
        return
    cap = int(lines[0])
    names, weights, values = [], [], []
    for l in lines[1:]:
        bits = l.split()
        if len(bits) == 3:
            names.append(bits[0])
            weights.append(int(bits[1]))
            values.append(int(bits[2]))

    sys.setrecursionlimit(10000)

    @lru_cache(maxsize=None)
    def best(i, room):
        if i == len(names):
            return 0
        skip = best(i + 1, room)
        if weights[i] > room:
            return skip
        return max(skip, values[i] + best(i + 1, room - weights[i]))

    answer = best(0, cap)
    taken, room = [], cap
    for i in range(len(names)):
        if best(i, room) != best(i + 1, room):
            taken.append(names[i])
            room -= weights[i]
    print(answer)
    print("weight used:", cap - room)
    print(" ".join(taken) or "(nothing)")


main()
