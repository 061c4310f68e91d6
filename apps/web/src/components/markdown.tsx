import { useMemo } from 'react';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import 'katex/dist/katex.min.css';
import { extractMath } from './math.js';

/** Problem statements are authored markdown with KaTeX math; anything script-like is stripped before it reaches the DOM. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => {
    const { text, restore } = extractMath(source);
    const raw = restore(marked.parse(text, { async: false, gfm: true, breaks: false }));
    return DOMPurify.sanitize(raw, { USE_PROFILES: { html: true } });
  }, [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
