/**
 * Light and dark themes. The reader's choice is kept in localStorage; without one the system
 * setting decides (in CSS). A tiny inline script applies a stored choice before the first paint so
 * the wrong theme never flashes; its exact text is hashed into the Content-Security-Policy.
 */

/** The localStorage key of the reader's theme choice. */
export const THEME_STORAGE_KEY = "theme";

/** The theme choices, in the order the toggle cycles through them. */
export const THEME_CHOICES = ["system", "light", "dark"] as const;

/** A theme choice. */
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The inline script that applies a stored choice to <html data-theme> before anything renders. */
export const THEME_INIT_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}})();`;

/** Reads a stored choice, treating anything unknown as "system". */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/** The choice after `current` when the toggle is pressed. */
export function nextThemeChoice(current: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(current) + 1) % THEME_CHOICES.length]!;
}

/** The label of the toggle for a choice, naming what it is now. */
export function themeLabel(choice: ThemeChoice): string {
  return choice === "system" ? "Theme: follows the system" : `Theme: ${choice}`;
}
