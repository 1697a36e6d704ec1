/**
 * What must happen before the first paint, in the one inline script every page carries (its hash
 * is in the Content-Security-Policy): the reader's stored theme, and the `js` class on `<html>`
 * that lets CSS show controls only a script makes work (`.js-only`), so nothing appears later and
 * nothing shows that cannot work without JavaScript; and the `can-keep` class where service
 * workers exist, so the "Keep offline" controls take their place from the first paint. The string is built at build time; it runs in
 * the browser.
 */
import { THEME_INIT_SCRIPT } from "./theme.ts";

/** The class on `<html>` when scripts run. */
export const JS_CLASS = "js";

/** The class on `<html>` when the browser can keep pages offline (service workers). */
export const OFFLINE_CLASS = "can-keep";

/** The inline script for `<head>`. */
export const FIRST_PAINT_SCRIPT = `document.documentElement.classList.add(${JSON.stringify(JS_CLASS)});if("serviceWorker"in navigator)document.documentElement.classList.add(${JSON.stringify(OFFLINE_CLASS)});${THEME_INIT_SCRIPT}`;
