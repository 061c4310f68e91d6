import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { monaco } from './monaco-setup.js';
import type { CodeEditorProps } from './code-editor.js';
import { useEditorTheme } from './use-editor-theme.js';

type StandaloneEditor = Parameters<OnMount>[0];

/** The Monaco half of CodeEditor; loaded on demand so the first page stays small. */
export default function CodeEditorImpl(props: CodeEditorProps) {
  // Commands are bound once at mount; they call whatever Run/Submit the page has now.
  const latest = useRef(props);
  latest.current = props;
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);
  const onMount: OnMount = (mounted) => {
    // Registered on the editor, so they win over Monaco's own Ctrl+Enter (insert line below) while it has focus.
    mounted.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.());
    mounted.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => latest.current.onSubmit?.());
    setEditor(mounted);
    props.onReady?.({
      focus: () => mounted.focus(),
      goTo: (line, column) => {
        mounted.setPosition({ lineNumber: line, column });
        mounted.revealLineInCenter(line);
        mounted.focus();
      },
    });
  };
  const { markers } = props;
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'logicode-compiler', (markers ?? []).map((m) => ({
      severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: m.message,
      startLineNumber: m.line,
      startColumn: m.column,
      endLineNumber: m.line,
      // To the end of the line: a column alone would mark a single character, too small to see.
      endColumn: Math.max(m.column + 1, model.getLineMaxColumn(Math.min(m.line, model.getLineCount()))),
    })));
  }, [editor, markers]);
  const editorTheme = useEditorTheme();
  return (
    <Editor
      height={props.height ?? '100%'}
      language={props.language}
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? '')}
      onMount={onMount}
      theme={editorTheme}
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
