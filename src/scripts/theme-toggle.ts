/**
 * The theme toggle in the header: cycles "follow the system" → light → dark, remembers the
 * choice, and applies it at once. (A stored choice is applied before paint by FIRST_PAINT_SCRIPT.)
 */
import {
  nextThemeChoice,
  parseThemeChoice,
  THEME_STORAGE_KEY,
  themeLabel,
  type ThemeChoice,
} from "../lib/theme.ts";

const button = document.querySelector<HTMLButtonElement>("#theme-toggle");

function stored(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  if (button) {
    button.dataset.choice = choice;
    button.setAttribute("aria-label", themeLabel(choice));
    button.title = `${themeLabel(choice)} (click to change)`;
  }
}

if (button) {
  apply(stored());
  button.hidden = false;
  button.addEventListener("click", () => {
    const choice = nextThemeChoice(parseThemeChoice(button.dataset.choice));
    try {
      if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    apply(choice);
  });
}
