// Runs in <head> before the first paint: puts the remembered choice, else the system's preference, on the root element,
// where theme.css's dark custom properties and theme.js read it. A dark page therefore never flashes light.
(() => {
  let stored = null;
  try {
    stored = localStorage.getItem("cmf.theme");
  } catch {
    // Storage can be blocked (private mode, sandboxed frames): fall back to the system preference.
  }
  const dark = stored === "dark" || (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
})();
