import { compiled } from './kinds.js';

export default compiled({
  id: 'cpp',
  sourceFile: 'main.cpp',
  compile: (file) => ['/usr/bin/g++', '-std=c++17', '-O2', '-pipe', '-o', 'main', file, '-lm'],
  run: ({ progDir }) => [`${progDir}/main`],
  version: ['/usr/bin/g++', '-dumpfullversion'],
  selfTest: '#include <iostream>\n#include <string>\nint main() { std::string s; std::getline(std::cin, s); std::cout << s << "\\n"; }\n',
  memoryErrorPattern: /std::bad_alloc/,
});
