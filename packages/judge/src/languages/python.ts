import { readFileSync } from 'node:fs';
import { interpreted } from './kinds.js';

/** The warm interpreter (python-zygote.py), passed with -c: nothing new is bound into the sandbox. */
const ZYGOTE = readFileSync(new URL('./python-zygote.py', import.meta.url), 'utf8');

// Compiles without running, and prints the error the way Python would, minus the checker's own frames.
const SYNTAX_CHECK = [
  'import sys, traceback',
  'try:',
  "    compile(open(sys.argv[1], 'rb').read(), 'main.py', 'exec')",
  'except (SyntaxError, ValueError) as e:',
  "    sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))",
  '    sys.exit(1)',
].join('\n');

export default interpreted({
  id: 'python',
  sourceFile: 'main.py',
  // The absolute path: `python3` on PATH may be a pyenv shim costing ~360 ms per start (sandbox-lab.md §0).
  // -S -E: no site-packages scan, no PYTHON* variables; -B: /prog is read-only.
  run: ({ progDir, sourceFile }) => ['/usr/bin/python3', '-S', '-E', '-B', `${progDir}/${sourceFile}`],
  // A SyntaxError is a CE with the message, as on LeetCode.
  check: ({ progDir, sourceFile }) => ['/usr/bin/python3', '-S', '-E', '-B', '-c', SYNTAX_CHECK, `${progDir}/${sourceFile}`],
  warm: ({ progDir, sourceFile }) => ['/usr/bin/python3', '-S', '-E', '-B', '-c', ZYGOTE, `${progDir}/${sourceFile}`],
  version: ['/usr/bin/python3', '--version'],
  selfTest: 'import sys\nsys.stdout.write(sys.stdin.readline())\n',
  memoryGraceKb: 8_192,
  memoryErrorPattern: /^MemoryError/m,
});
