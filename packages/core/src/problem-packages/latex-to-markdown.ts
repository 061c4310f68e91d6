/**
 * LaTeX problem statements (problemtools' `problem.<lang>.tex`) to Markdown, for the common subset: sections,
 * emphasis, lists, tables, verbatim, images, links and math (kept as `$…$`/`$$…$$` for KaTeX). Anything else is
 * kept as its text and named in `unsupported`, so the import report says what to check: nothing is dropped silently.
 */
export interface LatexConversion {
  markdown: string;
  /** The problem's name from `\problemname{…}`, if any. */
  title: string | null;
  /** Image files named by `\includegraphics`/`\illustration`, as written (maybe without an extension). */
  images: string[];
  /** Commands and environments not understood, each once, say `\foo` or `environment tikzpicture`. */
  unsupported: string[];
}

const SIMPLE: Record<string, string> = {
  ldots: '…', dots: '…', textbackslash: '\\', LaTeX: 'LaTeX', TeX: 'TeX', noindent: '', centering: '', par: '\n\n',
  medskip: '\n\n', bigskip: '\n\n', smallskip: '\n\n', newline: '  \n', clearpage: '', newpage: '', hfill: '', sloppy: '',
  '\\': '  \n', '%': '%', '&': '&', $: '\\$', _: '\\_', '#': '#', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', '-': '',
};
const WRAP: Record<string, [string, string]> = {
  textbf: ['**', '**'], emph: ['*', '*'], textit: ['*', '*'], textsl: ['*', '*'], texttt: ['`', '`'], underline: ['', ''],
  textrm: ['', ''], textsf: ['', ''], mbox: ['', ''], textsc: ['', ''], text: ['', ''],
};
const HEADINGS: Record<string, string> = { section: '## ', subsection: '### ', subsubsection: '#### ', paragraph: '**' };
/** Preamble-like commands problemtools statements carry, which mean nothing on a web page. */
const IGNORED_WITH_ARG = new Set(['label', 'vspace', 'hspace', 'documentclass', 'usepackage', 'setlength', 'pagestyle', 'thispagestyle']);

export function latexToMarkdown(source: string): LatexConversion {
  const state: LatexConversion = { markdown: '', title: null, images: [], unsupported: [] };
  const unsupported = new Set<string>();
  const math: string[] = [];
  const hold = (text: string) => `\u0000${math.push(text) - 1}\u0000`;

  // Math and verbatim first, so nothing below touches them.
  let text = source.replace(/\r\n?/g, '\n');
  text = text.replace(/\\begin\{verbatim\}\n?([\s\S]*?)\\end\{verbatim\}/g, (_, body: string) => hold(`\n\n\`\`\`\n${body.replace(/\n$/, '')}\n\`\`\`\n\n`));
  text = text.replace(/\\verb(.)([^\n]*?)\1/g, (_, _d: string, body: string) => hold(`\`${body}\``));
  text = text.replace(/(?<!\\)\$\$([\s\S]+?)\$\$/g, (_, body: string) => hold(`$$${body.trim()}$$`));
  text = text.replace(/\\\[([\s\S]+?)\\\]/g, (_, body: string) => hold(`$$${body.trim()}$$`));
  text = text.replace(/\\begin\{(equation|align|eqnarray)\*?\}([\s\S]*?)\\end\{\1\*?\}/g, (_, env: string, body: string) =>
    hold(env === 'equation' ? `$$${body.trim()}$$` : `$$\\begin{aligned}${body.trim()}\\end{aligned}$$`));
  text = text.replace(/(?<!\\)\$([^$]+?)(?<!\\)\$/g, (_, body: string) => hold(`$${body.trim()}$`));
  text = text.replace(/\\\(([\s\S]+?)\\\)/g, (_, body: string) => hold(`$${body.trim()}$`));
  // Comments: an unescaped % to the end of the line.
  text = text.replace(/(?<!\\)%[^\n]*/g, '');
  // Typography on the text only (math and verbatim are held): TeX quotes and dashes.
  text = text.replace(/``|''/g, '"').replace(/---/g, '—').replace(/--/g, '–');

  const restore = (s: string) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => math[Number(i)]!);
  const out = convert(text);
  if (state.title) state.title = restore(state.title);
  state.markdown = restore(out)
    .replace(/[ \t]+\n/g, (m) => (m.startsWith('  ') ? '  \n' : '\n'))
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';
  state.unsupported = [...unsupported];
  return state;

  function readGroup(s: string, start: number, open = '{', close = '}'): { body: string; end: number } | null {
    let i = start;
    while (s[i] === ' ' || s[i] === '\n') i += 1;
    if (s[i] !== open) return null;
    let depth = 0;
    for (let j = i; j < s.length; j += 1) {
      if (s[j] === '\\') { j += 1; continue; }
      if (s[j] === open) depth += 1;
      else if (s[j] === close && (depth -= 1) === 0) return { body: s.slice(i + 1, j), end: j + 1 };
    }
    return null;
  }

  function args(s: string, at: number, count: number): { values: string[]; end: number } {
    let end = at;
    const optional = readGroup(s, end, '[', ']');
    if (optional) end = optional.end;
    const values: string[] = [];
    for (let k = 0; k < count; k += 1) {
      const group = readGroup(s, end);
      if (!group) break;
      values.push(group.body);
      end = group.end;
    }
    return { values, end };
  }

  function image(file: string, caption: string | null): string {
    state.images.push(file.trim());
    const text = caption ? convert(caption).trim() : '';
    // The alt text is plain: the caption below it carries the math.
    const alt = text.replace(/\u0000\d+\u0000/g, (m) => math[Number(m.slice(1, -1))]!.replace(/\$/g, '')).replace(/[[\]]/g, '');
    return `\n\n![${alt}](${file.trim()})\n\n${text ? `*${text}*\n\n` : ''}`;
  }

  function environment(name: string, body: string): string {
    switch (name) {
      case 'itemize':
      case 'enumerate': {
        const items = body.split(/\\item\b/).slice(1);
        return `\n\n${items.map((item, i) => `${name === 'itemize' ? '-' : `${i + 1}.`} ${convert(item).trim().replace(/\n/g, '\n   ')}`).join('\n')}\n\n`;
      }
      case 'tabular': {
        const spec = readGroup(body, 0);
        const rows = (spec ? body.slice(spec.end) : body).replace(/\\hline|\\toprule|\\midrule|\\bottomrule/g, '')
          .split(/\\\\/).map((r) => r.trim()).filter((r) => r.length > 0)
          .map((r) => r.split(/(?<!\\)&/).map((c) => convert(c).trim().replace(/\|/g, '\\|')));
        if (rows.length === 0) return '';
        const width = Math.max(...rows.map((r) => r.length));
        const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
        return `\n\n${line(rows[0]!)}\n| ${Array.from({ length: width }, () => '---').join(' | ')} |\n${rows.slice(1).map(line).join('\n')}\n\n`;
      }
      case 'center': case 'figure': case 'table': case 'flushleft': case 'flushright': case 'minipage': case 'document':
        return `\n\n${convert(body.replace(/^\s*\{[^}]*\}/, ''))}\n\n`;
      case 'quote': case 'quotation':
        return `\n\n${convert(body).trim().split('\n').map((l) => `> ${l}`).join('\n')}\n\n`;
      default:
        unsupported.add(`environment ${name}`);
        return `\n\n${convert(body)}\n\n`;
    }
  }

  function convert(s: string): string {
    let result = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '~') { result += ' '; i += 1; continue; }
      if (c === '{' || c === '}') { i += 1; continue; } // grouping braces only scope font changes, which are gone
      if (c !== '\\') { result += c; i += 1; continue; }
      const match = /^\\([A-Za-z]+\*?|.)/.exec(s.slice(i, i + 40));
      if (!match) { result += c; i += 1; continue; }
      const name = match[1]!.replace(/\*$/, '');
      i += match[0].length;
      if (name === 'begin' || name === 'end') {
        const env = readGroup(s, i);
        if (!env || name === 'end') { i = env?.end ?? i; continue; }
        const envName = env.body.replace(/\*$/, '');
        const closing = new RegExp(`\\\\(begin|end)\\{${envName.replace(/[^A-Za-z]/g, '.')}\\*?\\}`, 'g');
        closing.lastIndex = env.end;
        let depth = 1;
        let found: RegExpExecArray | null = null;
        while ((found = closing.exec(s)) !== null) {
          depth += found[1] === 'begin' ? 1 : -1;
          if (depth === 0) break;
        }
        const bodyEnd = found ? found.index : s.length;
        result += environment(envName, s.slice(env.end, bodyEnd));
        i = found ? found.index + found[0].length : s.length;
        continue;
      }
      if (name in SIMPLE) { result += SIMPLE[name]; continue; }
      if (name in WRAP) {
        const { values, end } = args(s, i, 1);
        const [open, close] = WRAP[name]!;
        result += `${open}${convert(values[0] ?? '').trim()}${close}`;
        i = end;
        continue;
      }
      if (name in HEADINGS) {
        const { values, end } = args(s, i, 1);
        const heading = convert(values[0] ?? '').trim();
        result += name === 'paragraph' ? `\n\n**${heading}** ` : `\n\n${HEADINGS[name]}${heading}\n\n`;
        i = end;
        continue;
      }
      if (IGNORED_WITH_ARG.has(name)) { i = args(s, i, name === 'setlength' ? 2 : 1).end; continue; }
      switch (name) {
        case 'problemname': {
          const { values, end } = args(s, i, 1);
          state.title = convert(values[0] ?? '').trim() || null;
          i = end;
          continue;
        }
        case 'includegraphics': {
          const { values, end } = args(s, i, 1);
          result += image(values[0] ?? '', null);
          i = end;
          continue;
        }
        case 'illustration': { // problemtools: \illustration{width}{file}{caption}
          const { values, end } = args(s, i, 3);
          result += image(values[1] ?? '', values[2] ?? null);
          i = end;
          continue;
        }
        case 'caption': {
          const { values, end } = args(s, i, 1);
          result += `\n\n*${convert(values[0] ?? '').trim()}*\n\n`;
          i = end;
          continue;
        }
        case 'url': {
          const { values, end } = args(s, i, 1);
          result += `<${values[0] ?? ''}>`;
          i = end;
          continue;
        }
        case 'href': {
          const { values, end } = args(s, i, 2);
          result += `[${convert(values[1] ?? '').trim()}](${values[0] ?? ''})`;
          i = end;
          continue;
        }
        case 'item':
          result += '\n- ';
          continue;
        default: {
          unsupported.add(`\\${name}`);
          // Kept: the command as written, its arguments converted, so no text is lost.
          const { values, end } = args(s, i, 1);
          result += values.length > 0 ? `\\${name}{${convert(values[0]!)}}` : `\\${name}`;
          i = end;
        }
      }
    }
    return result;
  }
}
