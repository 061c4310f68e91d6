import { compiled } from './kinds.js';

export default compiled({
  id: 'python',
  sourceFile: 'main.py',
  // A syntax check as the "compile": a SyntaxError is a CE with the message, as on LeetCode.
  compile: (file) => ['/usr/bin/python3', '-S', '-E', '-m', 'py_compile', file],
  // The absolute path: `python3` on PATH may be a pyenv shim costing ~360 ms per start (sandbox-lab.md §0).
  // -S -E: no site-packages scan, no PYTHON* variables; -B: /prog is read-only.
  run: ({ progDir, sourceFile }) => ['/usr/bin/python3', '-S', '-E', '-B', `${progDir}/${sourceFile}`],
  version: ['/usr/bin/python3', '--version'],
  selfTest: 'import sys\nsys.stdout.write(sys.stdin.readline())\n',
  memoryGraceKb: 8_192,
  memoryErrorPattern: /^MemoryError/m,
});
