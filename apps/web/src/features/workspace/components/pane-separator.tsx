import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { SPLIT_MAX, SPLIT_MIN } from '../hooks/use-split.js';

interface Props {
  percent: number;
  onChange: (percent: number) => void;
}

/**
 * The bar between statement and editor (WAI-ARIA APG "Window Splitter"): focusable, arrows move it by 2 %,
 * Page Up/Down by 10 %, Home/End to the limits; dragging works with mouse, pen or touch. Hidden on narrow screens,
 * where the panes stack.
 */
export function PaneSeparator({ percent, onChange }: Props) {
  const dragging = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -2, ArrowRight: 2, ArrowUp: 2, ArrowDown: -2, PageUp: 10, PageDown: -10 }[e.key];
    if (step !== undefined) onChange(percent + step);
    else if (e.key === 'Home') onChange(SPLIT_MIN);
    else if (e.key === 'End') onChange(SPLIT_MAX);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) onChange(((e.clientX - box.left) / box.width) * 100);
  };
  const stop = () => {
    dragging.current = false;
  };
  return (
    <div
      className="pane-separator"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the statement and the editor"
      aria-controls="workspace-problem-pane"
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuenow={percent}
      aria-valuetext={`Statement ${percent} percent of the width`}
      tabIndex={0}
      data-testid="pane-separator"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
    />
  );
}
