import type { LanguageId } from '@logicode/contracts';
import { dropDeadStores } from './dead-code.js';
import { normalizeIncrements } from './increments.js';
import { lexCFamily } from './lexers/c-family.js';
import { CPP_SPEC, C_SPEC, JAVA_SPEC, JS_SPEC } from './lexers/c-family-specs.js';
import { lexPython } from './lexers/python.js';
import { normalizeCFamily, normalizePython } from './normalize.js';
import { restructureCFamily, restructurePython } from './restructure.js';
import type { TokenList } from './tokens.js';

const C_FAMILY = { c: C_SPEC, cpp: CPP_SPEC, java: JAVA_SPEC, javascript: JS_SPEC } as const;

/** Source text → normalised tokens with their source offsets. */
export function tokenize(language: LanguageId, source: string): TokenList {
  if (language === 'python') return normalizePython(restructurePython(dropDeadStores(lexPython(source), source, 'python', false), source));
  const spec = C_FAMILY[language];
  return normalizeCFamily(restructureCFamily(normalizeIncrements(dropDeadStores(lexCFamily(source, spec), source, 'c-family', !spec.dropPunctuation.has(';')), source)));
}
