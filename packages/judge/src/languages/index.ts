// The language list: adding a language is one file next to this one and one line here.
import type { LanguageId } from '@logicode/contracts';
import c from './c.js';
import cpp from './cpp.js';
import java from './java.js';
import javascript from './javascript.js';
import type { LanguageSpec } from './kinds.js';
import python from './python.js';

export const LANGUAGE_SPECS: readonly LanguageSpec[] = [c, cpp, python, java, javascript];

export function languageSpec(id: LanguageId): LanguageSpec | undefined {
  return LANGUAGE_SPECS.find((spec) => spec.id === id);
}

export type { LanguageSpec, RunContext } from './kinds.js';
