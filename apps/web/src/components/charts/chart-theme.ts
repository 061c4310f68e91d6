import { useEffect, useState } from 'react';

/** The colours a chart draws with, read from the app's CSS variables (styles/base.css), so light and dark match. */
export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  /** Series colours, in order. */
  series: string[];
}

function cssVar(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback;
}

export function readPalette(): ChartPalette {
  const styles = getComputedStyle(document.documentElement);
  return {
    text: cssVar(styles, '--text', '#1b2333'),
    muted: cssVar(styles, '--text-muted', '#5d6882'),
    grid: cssVar(styles, '--border', '#e2e6ef'),
    surface: cssVar(styles, '--surface', '#ffffff'),
    series: [cssVar(styles, '--primary', '#1f4fd1'), cssVar(styles, '--success', '#177a4b'), cssVar(styles, '--warning', '#9a5b00'), cssVar(styles, '--danger', '#b42335')],
  };
}

/**
 * A number that changes whenever the theme may have: `<html data-theme>` set by the theme switch, or the system's
 * light/dark preference. Charts redraw with `readPalette()` when it changes (canvas colours are not CSS).
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
