import Editor, { type OnMount } from '@monaco-editor/react';
import './monaco-setup.js';
import type { CodeEditorProps } from './code-editor.js';

/** The Monaco half of CodeEditor; loaded on demand so the first page stays small. */
export default function CodeEditorImpl(props: CodeEditorProps) {
  const onMount: OnMount = (editor) => {
    props.onReady?.({ focus: () => editor.focus() });
  };
  return (
    <Editor
      height={props.height ?? '100%'}
      language={props.language}
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? '')}
      onMount={onMount}
      theme="vs"
      loading={<div className="editor-loading">Loading editor…</div>}
      options={{
        readOnly: props.readOnly ?? false,
        minimap: { enabled: false },
        fontSize: 14,
        fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 4,
        renderLineHighlight: 'line',
        padding: { top: 10 },
        ariaLabel: props.ariaLabel,
        // Tab inserts indentation in a code editor; Ctrl+M (Monaco's default) toggles tab-trapping for keyboard users.
        tabFocusMode: false,
      }}
    />
  );
}
