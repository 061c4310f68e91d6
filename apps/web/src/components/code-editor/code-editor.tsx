import { lazy, Suspense } from 'react';

export interface CodeEditorProps {
  value: string;
  /** Monaco's language id: c, cpp, python, java, javascript, json, markdown, plaintext. */
  language: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  height?: string | number;
  ariaLabel: string;
  onReady?: (handle: CodeEditorHandle) => void;
  /** Ctrl/Cmd+Enter inside the editor (instead of Monaco's "insert line below"). */
  onRun?: () => void;
  /** Ctrl/Cmd+Shift+Enter inside the editor. */
  onSubmit?: () => void;
  /** Compiler messages shown as squiggles with hover text (1-based lines and columns). */
  markers?: EditorMarker[];
}

export interface EditorMarker {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface CodeEditorHandle {
  focus: () => void;
  /** Puts the cursor at a line and column and scrolls it into view. */
  goTo: (line: number, column: number) => void;
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
