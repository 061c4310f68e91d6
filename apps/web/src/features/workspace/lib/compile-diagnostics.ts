import type { LanguageId } from '@logicode/contracts';

/** One compiler message placed on the student's own code (1-based lines and columns, as Monaco counts). */
export interface Diagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

// gcc/g++: `main.cpp:3:5: error: expected ';' before 'return'` (also `fatal error:`; notes are skipped).
const GCC = /^(?:[^\s:]*\/)?main\.(?:c|cpp):(\d+):(\d+): (fatal error|error|warning): (.+)$/;
// javac: `Main.java:3: error: ';' expected` (the file is named after the public class).
const JAVAC = /^[\w$]+\.java:(\d+): (error|warning): (.+)$/;
// Python (the judge's syntax check prints format_exception_only): `  File "main.py", line 3` … `SyntaxError: …`.
const PY_FILE = /^\s*File "main\.py", line (\d+)/;
const PY_ERROR = /^(\w*Error): (.+)$/;
// node --check: `/prog/main.js:3` then the line, a caret line, a blank line and `SyntaxError: …`.
const NODE_FILE = /^\S*main\.js:(\d+)$/;
const CARET = /^(\s*)\^+\s*$/;

/**
 * The judge writes the student's code first and appends the problem's driver (packages/judge/src/build.ts), so
 * line N of the file is line N of the editor; a message beyond the student's last line is in the driver and is
 * put on the last line. Java drops a `package` declaration first (languages/java.ts): lines after it move up by
 * the newlines the declaration's match held, so they are moved back here.
 */
function toEditorLine(line: number, source: string, language: LanguageId): number {
  let mapped = line;
  if (language === 'java') {
    const match = /^\s*package\s+[\w.]+\s*;/m.exec(source);
    if (match) {
      const removedNewlines = (match[0].match(/\n/g) ?? []).length;
      const declarationLine = source.slice(0, match.index + match[0].length).split('\n').length - removedNewlines;
      if (line >= declarationLine) mapped = line + removedNewlines;
    }
  }
  const lastLine = Math.max(1, source.split('\n').length);
  return Math.min(Math.max(1, mapped), lastLine);
}

/** Compiler output → markers on the student's code, for the five judged languages. Unknown formats give none. */
export function parseDiagnostics(output: string, language: LanguageId, source: string): Diagnostic[] {
  const lines = output.split('\n');
  const found: Diagnostic[] = [];
  const add = (line: number, column: number, severity: Diagnostic['severity'], message: string) => {
    found.push({ line: toEditorLine(line, source, language), column: Math.max(1, column), severity, message: message.trim() });
  };
  if (language === 'c' || language === 'cpp') {
    for (const text of lines) {
      const m = GCC.exec(text);
      if (m) add(Number(m[1]), Number(m[2]), m[3] === 'warning' ? 'warning' : 'error', m[4] ?? '');
    }
  } else if (language === 'java') {
    lines.forEach((text, i) => {
      const m = JAVAC.exec(text);
      if (!m) return;
      // javac prints the source line and a caret under the column.
      const caret = CARET.exec(lines[i + 2] ?? '');
      add(Number(m[1]), caret ? (caret[1]?.length ?? 0) + 1 : 1, m[2] === 'warning' ? 'warning' : 'error', m[3] ?? '');
    });
  } else if (language === 'python' || language === 'javascript') {
    const fileLine = language === 'python' ? PY_FILE : NODE_FILE;
    let at: { line: number; column: number } | null = null;
    for (const text of lines) {
      const file = fileLine.exec(text);
      if (file) {
        at = { line: Number(file[1]), column: 1 };
        continue;
      }
      const caret = CARET.exec(text);
      if (at && caret) {
        // Python indents the echoed line by 4; node does not indent it.
        at.column = (caret[1]?.length ?? 0) + 1 - (language === 'python' ? 4 : 0);
        continue;
      }
      const error = PY_ERROR.exec(text);
      if (at && error) {
        add(at.line, at.column, 'error', `${error[1]}: ${error[2]}`);
        at = null;
      }
    }
  }
  return found;
}
