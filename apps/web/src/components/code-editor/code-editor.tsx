import { lazy, Suspense } from 'react';

export interface CodeEditorProps {
  value: string;
  /** Monaco's language id: c, cpp, python, java, javascript, json, markdown, plaintext. */
  language: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  height?: string | number;
  ariaLabel: string;
  onReady?: (handle: { focus: () => void }) => void;
}

const loadImpl = () => import('./code-editor-impl.js');
const CodeEditorImpl = lazy(loadImpl);

/** Starts fetching Monaco early (e.g. while the problem's data loads) so the editor is ready sooner. */
export function preloadCodeEditor(): void {
  void loadImpl();
}

/** Monaco, loaded lazily: the shell renders a textarea-sized placeholder until the editor chunk arrives. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <div className="code-editor" style={{ height: props.height ?? '100%' }} data-language={props.language}>
      <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
        <CodeEditorImpl {...props} />
      </Suspense>
    </div>
  );
}
