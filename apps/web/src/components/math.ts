import katex from 'katex';

/**
 * Math in statements: `$…$` inline and `$$…$$` (or `\[…\]`) display, rendered by KaTeX (HTML output only, so the
 * sanitizer's HTML profile keeps it; `trust` off: no \href or \includegraphics). Code spans and fenced blocks are
 * left alone, `\$` is a dollar, and, as in pandoc, an inline `$` must hug its text (`$x$`, not `$ 5 and $`), so
 * prices stay text. Math is cut out before Markdown parses (or `a_1 * b_2` would turn into emphasis) and put back
 * after, by token.
 */
const TOKEN = (i: number) => `KATEXMATH${i}XEND`;
const TOKEN_RE = /KATEXMATH(\d+)XEND/g;

function render(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'html', trust: false, strict: 'ignore', maxExpand: 500 });
}

/** Replaces math with tokens; `restore` puts the rendered HTML in their place after Markdown. */
export function extractMath(source: string): { text: string; restore: (html: string) => string } {
  const rendered: string[] = [];
  const hold = (tex: string, display: boolean) => {
    rendered.push(render(tex, display));
    return TOKEN(rendered.length - 1);
  };
  // Fenced blocks, inline code spans and images (their alt text is an attribute: no HTML in it) are kept as
  // they are (odd parts of the split).
  const parts = source.split(/(```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`|!\[[^\]\n]*\]\([^)\n]*\))/g);
  const text = parts.map((part, index) => {
    if (index % 2 === 1) return part;
    return part
      .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => `\n\n${hold(tex.trim(), true)}\n\n`)
      .replace(/\\\[([\s\S]+?)\\\]/g, (_, tex: string) => `\n\n${hold(tex.trim(), true)}\n\n`)
      .replace(/(^|[^\\$])\$(?=\S)([^$\n]*?[^\s\\])\$(?!\d)/g, (_, before: string, tex: string) => `${before}${hold(tex, false)}`)
      .replace(/\\\$/g, '$');
  }).join('');
  return { text, restore: (html) => html.replace(TOKEN_RE, (_, i: string) => rendered[Number(i)] ?? '') };
}
