import { THEME_PREFERENCES, useTheme, type ThemePreference } from '../lib/theme';

const LABELS: Record<ThemePreference, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** System / Light / Dark as a radio group: arrow keys move the choice, as radios do. */
export function ThemeToggle() {
  const { preference, setPreference } = useTheme();
  return (
    <fieldset className="flex items-center rounded-md border border-slate-300 p-0.5 text-xs dark:border-slate-600">
      <legend className="sr-only">Colour theme</legend>
      {THEME_PREFERENCES.map((option) => (
        <label
          key={option}
          className="cursor-pointer rounded px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 has-[:checked]:bg-slate-800 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800 dark:has-[:checked]:bg-slate-200 dark:has-[:checked]:text-slate-900"
        >
          <input
            type="radio"
            name="theme"
            value={option}
            checked={preference === option}
            onChange={() => setPreference(option)}
            className="sr-only"
          />
          {LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
