import { compiled } from './kinds.js';

const PACKAGE = /^\s*package\s+[\w.]+\s*;/m;
const PUBLIC_TYPE = /^public\s+((?:final\s+|abstract\s+|sealed\s+)*)(class|interface|enum|record)\b/gm;

/** The class the file must be named after: its public class, else the one with main, else Main. */
export function javaMainClass(source: string): string {
  const pub = /^\s*public\s+(?:final\s+|abstract\s+)*class\s+([A-Za-z_$][\w$]*)/m.exec(source);
  if (pub?.[1]) return pub[1];
  // Otherwise the last class declared before the first main method.
  const main = source.search(/\bstatic\s+void\s+main\s*\(/);
  if (main < 0) return 'Main';
  const classes = [...source.slice(0, main).matchAll(/\bclass\s+([A-Za-z_$][\w$]*)/g)];
  return classes.at(-1)?.[1] ?? 'Main';
}

// JVM flags measured in sandbox-lab.md §4b/§5: CDS on, serial GC (fewer threads), no perf data file.
// The JVM logs its own warnings to stdout by default, where they would spoil the answer: send them to stderr.
const JVM = ['-Xshare:auto', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-XX:ActiveProcessorCount=1', '-Xlog:disable', '-Xlog:all=warning:stderr'];

const JAVAC = ['/usr/bin/javac', '-J-Xmx512m', '-J-XX:TieredStopAtLevel=1', ...JVM.map((f) => `-J${f}`)];

export default compiled({
  id: 'java',
  sourceFile: (source) => `${javaMainClass(source)}.java`,
  // Function style: the student's `class Solution` and the driver's `public class Main` share one file, so a
  // student's top-level `public` would be a second public class: it is dropped from the student's part.
  // A `package` line (IDEs add one) would move the class away from where `java -cp /prog Main` looks.
  combine: (source, driver) => {
    const code = source.replace(PACKAGE, '');
    return driver ? `${code.replace(PUBLIC_TYPE, '$1$2')}\n\n${driver}\n` : code;
  },
  // javac sizes its heap from the host's RAM, not the cgroup it cannot see: cap it. C1 only: javac is short-lived.
  compile: (file, { cacheDir, cacheReady }) => [
    ...JAVAC,
    ...(cacheReady ? [`-J-XX:SharedArchiveFile=${cacheDir}/javac.jsa`] : []),
    '-encoding', 'UTF-8', '-d', '.', file,
  ],
  // A dynamic CDS archive of the classes javac loads: javac 0.95 s → 0.58 s here. The JVM checks that the
  // archive matches this JDK and ignores it (with a warning on stderr) otherwise.
  cache: {
    file: 'javac.jsa',
    sourceName: 'Main.java',
    source: 'import java.util.*;\npublic class Main { public static void main(String[] a) { System.out.println(new ArrayList<>(List.of(1))); } }\n',
    build: (input, output) => [...JAVAC, `-J-XX:ArchiveClassesAtExit=${output}`, '-d', input.replace(/[^/]+$/, ''), input],
  },
  run: ({ progDir, sourceFile, memoryLimitKb }) => [
    '/usr/bin/java', `-Xmx${memoryLimitKb}k`, '-Xss64m', ...JVM, '-cp', progDir, sourceFile.replace(/\.java$/, ''),
  ],
  version: ['/usr/bin/java', '-version'],
  selfTest:
    'public class Main { public static void main(String[] a) throws Exception {\n' +
    '  System.out.println(new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine()); } }\n',
  // The heap is capped at the limit by -Xmx; metaspace, code cache and thread stacks come on top.
  memoryGraceKb: 131_072,
  stackKb: 0,
  addressSpaceLimit: false,
  processes: 128,
  openFiles: 256,
  memoryErrorPattern: /java\.lang\.OutOfMemoryError/,
});
