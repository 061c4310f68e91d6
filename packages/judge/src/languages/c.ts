import { compiled } from './kinds.js';

export default compiled({
  id: 'c',
  sourceFile: 'main.c',
  // -lm: math.h functions are not in libc proper on glibc.
  compile: (file) => ['/usr/bin/gcc', '-std=c17', '-O2', '-pipe', '-o', 'main', file, '-lm'],
  run: ({ progDir }) => [`${progDir}/main`],
  version: ['/usr/bin/gcc', '-dumpfullversion'],
  selfTest: '#include <stdio.h>\nint main(void) { char s[256]; if (fgets(s, sizeof s, stdin)) fputs(s, stdout); return 0; }\n',
});
