// Known answers the e2e tests type into the editor (Python, stdin style).

/** Balanced Brackets, accepted on every test. */
export const BALANCED_BRACKETS_AC = `import sys

MATCH = {")": "(", "]": "[", "}": "{"}


def balanced(s):
    stack = []
    for c in s:
        if c in "([{":
            stack.append(c)
        elif not stack or stack.pop() != MATCH[c]:
            return False
    return not stack


data = sys.stdin.read().split()
t = int(data[0])
print("\\n".join("YES" if balanced(s) else "NO" for s in data[1:1 + t]))
`;
