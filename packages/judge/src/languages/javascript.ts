import { interpreted } from './kinds.js';

export default interpreted({
  id: 'javascript',
  sourceFile: 'main.js',
  // V8 caps its heap by itself; RLIMIT_AS would make node hang or die with SIGTRAP (sandbox-lab.md §2).
  run: ({ progDir, sourceFile, memoryLimitKb }) => [
    '/usr/bin/node',
    `--max-old-space-size=${Math.max(16, Math.floor(memoryLimitKb / 1024))}`,
    `${progDir}/${sourceFile}`,
  ],
  // A SyntaxError is a CE with the message.
  check: ({ progDir, sourceFile }) => ['/usr/bin/node', '--check', `${progDir}/${sourceFile}`],
  version: ['/usr/bin/node', '--version'],
  selfTest: "process.stdout.write(require('fs').readFileSync(0, 'utf8').split('\\n')[0] + '\\n');\n",
  // node -e 0 peaks at ~38 MB RSS before any user code.
  memoryGraceKb: 65_536,
  stackKb: 0,
  addressSpaceLimit: false,
  memoryErrorPattern: /JavaScript heap out of memory|Reached heap limit/,
});
