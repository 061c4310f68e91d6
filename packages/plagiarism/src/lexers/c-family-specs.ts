import { operatorTable, type OperatorTable } from './scan.js';

/** What differs between the brace languages' lexers. */
export interface CFamilySpec {
  keywords: ReadonlySet<string>;
  /** A keyword's kind when it is not the keyword itself; '' drops it (modifiers a disguise adds or removes). */
  kindOf: ReadonlyMap<string, string>;
  ops: OperatorTable;
  /** ' opens a char literal (C, C++, Java) rather than a string (JavaScript). */
  charLiterals: boolean;
  /** JavaScript: `template ${literals}` and /regex/ literals. */
  templates: boolean;
  regexLiterals: boolean;
  /** C++: R"delim(raw)delim", u8"…", L'…', 1'000. */
  cppLiterals: boolean;
  /** Java: """text blocks""". */
  textBlocks: boolean;
  /** C, C++: #include/#define lines are skipped (their order and choice are not evidence). */
  preprocessor: boolean;
  /** Statements skipped up to their ';' (Java import/package; C++ using namespace). */
  skipStatements: ReadonlySet<string>;
  /** Punctuation dropped (JavaScript ';', which automatic semicolon insertion makes optional). */
  dropPunctuation: ReadonlySet<string>;
}

const words = (s: string): string[] => s.trim().split(/\s+/);

const C_KEYWORDS = words(`auto break case char const continue default do double else enum extern float for goto if
  inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
  volatile while _Bool bool true false NULL`);
const CPP_KEYWORDS = words(`${C_KEYWORDS.join(' ')} alignas alignof and and_eq asm bitand bitor catch class compl
  constexpr const_cast decltype delete dynamic_cast explicit export friend mutable namespace new noexcept not not_eq
  nullptr operator or or_eq private protected public reinterpret_cast static_assert static_cast template this throw
  try typeid typename using virtual wchar_t xor xor_eq override`);
const JAVA_KEYWORDS = words(`abstract assert boolean break byte case catch char class const continue default do
  double else enum extends final finally float for goto if implements import instanceof int interface long native
  new package private protected public return short static strictfp super switch synchronized this throw throws
  transient try void volatile while var record yield true false null`);
const JS_KEYWORDS = words(`break case catch class const continue debugger default delete do else export extends
  finally for function if import in instanceof new return super switch this throw try typeof var void while with
  yield let static async await of true false null undefined`);

const C_OPS = words(`<<= >>= -> ++ -- << >> <= >= == != && || += -= *= /= %= &= |= ^= ...`);
const CPP_OPS = [...C_OPS, '::', '<=>', '->*', '.*'];
const JAVA_OPS = [...C_OPS, '>>>=', '>>>', '::'];
const JS_OPS = [...C_OPS, '===', '!==', '**=', '**', '??=', '??', '?.', '=>', '>>>=', '>>>', '&&=', '||='];

/** Primitive types become one kind: int→long and float→double are the commonest "changed types" disguise. */
function kinds(types: string[], drop: string[], extra: [string, string][]): Map<string, string> {
  const map = new Map<string, string>(extra);
  for (const t of types) map.set(t, 'T');
  for (const d of drop) map.set(d, '');
  for (const b of ['true', 'false']) map.set(b, 'BOOL');
  for (const n of ['null', 'nullptr', 'NULL', 'undefined']) map.set(n, 'NULL');
  return map;
}

const C_TYPES = words('char short int long float double signed unsigned bool _Bool');
const C_DROP = words('const static inline register volatile restrict');

export const C_SPEC: CFamilySpec = {
  keywords: new Set(C_KEYWORDS),
  kindOf: kinds(C_TYPES, C_DROP, []),
  ops: operatorTable(C_OPS),
  charLiterals: true,
  templates: false,
  regexLiterals: false,
  cppLiterals: false,
  textBlocks: false,
  preprocessor: true,
  skipStatements: new Set(),
  dropPunctuation: new Set(),
};

export const CPP_SPEC: CFamilySpec = {
  ...C_SPEC,
  keywords: new Set(CPP_KEYWORDS),
  kindOf: kinds([...C_TYPES, 'auto', 'wchar_t'], [...C_DROP, 'constexpr', 'public', 'private', 'protected', 'override'], []),
  ops: operatorTable(CPP_OPS),
  cppLiterals: true,
  skipStatements: new Set(['using']),
};

export const JAVA_SPEC: CFamilySpec = {
  ...C_SPEC,
  keywords: new Set(JAVA_KEYWORDS),
  kindOf: kinds(words('byte short int long float double char boolean var'), words('public private protected final static'), []),
  ops: operatorTable(JAVA_OPS),
  preprocessor: false,
  textBlocks: true,
  skipStatements: new Set(['import', 'package']),
};

export const JS_SPEC: CFamilySpec = {
  ...C_SPEC,
  keywords: new Set(JS_KEYWORDS),
  kindOf: kinds([], [], [
    ['var', 'DECL'],
    ['let', 'DECL'],
    ['const', 'DECL'],
  ]),
  ops: operatorTable(JS_OPS),
  charLiterals: false,
  templates: true,
  regexLiterals: true,
  preprocessor: false,
  dropPunctuation: new Set([';']),
};
