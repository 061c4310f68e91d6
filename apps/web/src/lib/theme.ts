import { useSyncExternalStore } from 'react';
import { readStorage, removeStorage, writeStorage } from './storage.js';

/** What the person chose; `system` follows the operating system's light/dark setting (`prefers-color-scheme`). */
export type ThemePreference = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

const KEY = 'lc:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

export function readThemePreference(): ThemePreference {
  const stored = readStorage(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function systemTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveTheme(preference: ThemePreference = readThemePreference()): Theme {
  return preference === 'system' ? systemTheme() : preference;
}

/** `<html data-theme>` drives every CSS variable (styles/base.css); `color-scheme` gives native controls the same look. */
function apply(): void {
  const theme = resolveTheme();
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  for (const listener of listeners) listener();
}

export function setThemePreference(preference: ThemePreference): void {
  if (preference === 'system') removeStorage(KEY);
  else writeStorage(KEY, preference);
  apply();
}

/**
 * Called once before the first render (main.tsx), so the first paint already has the right colours. Follows the OS
 * setting live while the preference is `system`, and another tab's choice (the `storage` event).
 */
export function initTheme(): void {
  apply();
  window.matchMedia?.(DARK_QUERY).addEventListener('change', apply);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY || e.key === null) apply();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme in effect now (light or dark), re-rendering when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, () => resolveTheme());
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, readThemePreference);
}
