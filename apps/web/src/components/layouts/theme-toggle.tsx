import { setThemePreference, useTheme, useThemePreference, type ThemePreference } from '../../lib/theme.js';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * One button that steps through Light → Dark → System (the OS setting). Its name says the current choice and what
 * a press does, so a screen-reader user hears both; the choice is remembered on this device (lib/theme.ts).
 */
export function ThemeToggle() {
  const preference = useThemePreference();
  const theme = useTheme();
  const next = NEXT[preference];
  const current = preference === 'system' ? `System (${theme})` : LABEL[preference];
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small theme-toggle"
      onClick={() => setThemePreference(next)}
      aria-label={`Theme: ${current}. Switch to ${LABEL[next].toLowerCase()}`}
      title={`Theme: ${current}. Switch to ${LABEL[next].toLowerCase()}`}
      data-testid="theme-toggle"
      data-preference={preference}
    >
      <span aria-hidden="true" className="theme-icon">{theme === 'dark' ? '☾' : '☀'}</span>
      <span className="theme-label">{LABEL[preference]}</span>
    </button>
  );
}
