// Light/dark theme for the layouts. theme-early.js chose it before the first paint (the last choice, else the system's
// preference) and put it on the root element, where theme.css's dark custom properties apply.
const key = "cmf.theme";

export function prefersDark() {
  return document.documentElement.dataset.theme === "dark";
}

export function remember(theme) {
  const dark = theme === "dark";
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  try {
    localStorage.setItem(key, dark ? "dark" : "light");
  } catch {
    // Not remembered; the toggle still works for this page.
  }
}
