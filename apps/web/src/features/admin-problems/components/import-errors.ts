import { ApiError } from '../../../lib/api-client.js';

const NOUNS: Record<string, string> = {
  string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'empty (null)', int: 'a whole number',
};
const noun = (t: string) => NOUNS[t] ?? t;

/** A schema message in plain words: "Invalid input: expected string, received number" → "should be text, not a number". */
export function plainMessage(message: string): string {
  const typed = /expected (\w+), received (\w+)/.exec(message);
  if (typed) return typed[2] === 'undefined' ? 'is missing' : `should be ${noun(typed[1]!)}, not ${noun(typed[2]!)}`;
  const option = /expected one of (.+)$/.exec(message);
  if (option) return `should be one of: ${option[1]!.split('|').map((o) => o.replace(/"/g, '')).join(', ')}`;
  const small = /Too small: expected (\w+) to have >=?(\d+) (\w+)/.exec(message);
  if (small) return `needs at least ${small[2]} ${small[3]}`;
  const big = /Too big: expected (\w+) to have <=?(\d+) (\w+)/.exec(message);
  if (big) return `may have at most ${big[2]} ${big[3]}`;
  const smallNumber = /Too small: expected number to be >=?(-?[\d.]+)/.exec(message);
  if (smallNumber) return `must be at least ${smallNumber[1]}`;
  const bigNumber = /Too big: expected number to be <=?(-?[\d.]+)/.exec(message);
  if (bigNumber) return `must be at most ${bigNumber[1]}`;
  const literal = /expected (".+")$/.exec(message);
  if (literal) return `should be ${literal[1]}`;
  const keys = /Unrecognized keys?: (.+)$/.exec(message);
  if (keys) return `has fields this format does not know: ${keys[1]!.replace(/"/g, '')}`;
  return message.replace(/^Invalid input:?\s*/i, '') || 'is not valid';
}

/** "problem.tests.3.input" → "problem › test 4 › input" (positions counted from 1, as people count). */
export function plainPath(path: string): string {
  if (!path) return 'the file';
  const parts = path.split('.');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) {
      const list = out.pop() ?? 'item';
      out.push(`${list.replace(/s$/, '')} ${Number(part) + 1}`);
    } else if (i === 0 && part === 'body') {
      // the request body is the file itself
    } else out.push(part);
  });
  return out.join(' › ') || 'the file';
}

/**
 * What went wrong with an imported file, one line per problem: a JSON syntax error, or each schema issue the
 * server listed (`details: [{ path, message }]`) in plain words. Null when the error is not about the file.
 */
export function importProblems(error: unknown): { title: string; lines: string[] } | null {
  if (error instanceof SyntaxError || (error instanceof Error && error.name === 'JsonFileError')) {
    return { title: 'The file is not valid JSON.', lines: [error.message] };
  }
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const lines = (error.details as { path?: unknown; message?: unknown }[]).map((d) => {
    const where = plainPath(typeof d.path === 'string' ? d.path : '');
    const what = plainMessage(typeof d.message === 'string' ? d.message : '');
    // The schema's own sentences ("Use lower-case letters…") follow a colon; the plain phrases read on from the path.
    return /^[A-Z]/.test(what) ? `${where}: ${what}` : `${where} ${what}`;
  });
  return { title: `The file is not a problem this server can import: ${lines.length === 1 ? '1 problem' : `${lines.length} problems`} to fix.`, lines };
}
