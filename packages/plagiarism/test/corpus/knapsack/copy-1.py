# 0/1 knapsack with table + backtracking
import sys

def solve(things, limit):
  count = len(things)
  table = [[0] * (limit + 1) for _ in range(count + 1)]
  i = 1
  while i <= count:
    _, w, val = things[i - 1]
    for cap in range(limit + 1):
      table[i][cap] = table[i - 1][cap]
      if w <= cap and table[i - 1][cap - w] + val > table[i][cap]:
        table[i][cap] = table[i - 1][cap - w] + val
    i += 1
  return table

def parse(rows):
  things = []
  for row in rows:
    fields = row.split()
    if len(fields) != 3:
      continue
    label, w, val = fields[0], int(fields[1]), int(fields[2])
    things.append((label, w, val))
  return things

def backtrack(things, table, limit):
  """Walk back through the table to find which items were taken."""
  picked = []
  cap = limit
  for i in range(len(things), 0, -1):
    if table[i][cap] != table[i - 1][cap]:
      label, w, _ = things[i - 1]
      picked.append(label)
      cap -= w
  picked.reverse()
  return picked

def main():
  rows = sys.stdin.read().splitlines()
  if not rows:
    print("empty input")
    return
  limit = int(rows[0])
  things = parse(rows[1:])
  debug = False
  table = solve(things, limit)
  picked = backtrack(things, table, limit)
  used = sum(w for label, w, val in things if label in picked)
  if debug:
    print(table)
  print(table[len(things)][limit])
  print("weight used:", used)
  print(" ".join(picked) if picked else "(nothing)")

main()
