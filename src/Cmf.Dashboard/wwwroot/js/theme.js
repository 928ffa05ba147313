// Light/dark preference for the layouts: what the person chose last, else what the system prefers.
const key = "cmf.theme";

export function prefersDark() {
  try {
    const stored = localStorage.getItem(key);
    if (stored === "dark" || stored === "light") {
      return stored === "dark";
    }
  } catch {
    // Storage can be blocked (private mode, sandboxed frames): fall back to the system preference.
  }
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function remember(theme) {
  try {
    localStorage.setItem(key, theme === "dark" ? "dark" : "light");
  } catch {
    // Not remembered; the toggle still works for this page.
  }
}
