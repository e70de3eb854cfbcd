/**
 * The Back guard: runs inline in <head>, before the page paints. After someone has left
 * through the quick exit, Back (or Forward) must never show this site again in that tab:
 * a page loaded by a back/forward navigation leaves at once, and a page kept in the
 * back/forward cache hides as it goes in and is only shown again if the tab has not left.
 *
 * It is written as a function so it is type-checked, then sent as its source text (see
 * guardScript), since a separate file would load too late.
 */
function guard(destination: string, flag: string, neutralTitle: string): void {
  const root = document.documentElement;
  root.classList.add("js");
  const hasLeft = () => {
    try {
      return sessionStorage.getItem(flag) === "1";
    } catch {
      return false;
    }
  };
  const hide = () => root.style.setProperty("display", "none", "important");
  const leaveAgain = () => {
    hide();
    document.title = neutralTitle;
    location.replace(destination);
  };
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (hasLeft()) {
    if (navigation?.type === "back_forward") leaveAgain();
    // Typed in or followed a link on purpose: they chose to come back, so let them.
    else sessionStorage.removeItem(flag);
  }
  addEventListener("pagehide", (event) => {
    if (event.persisted) hide();
  });
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    if (hasLeft()) leaveAgain();
    else root.style.removeProperty("display");
  });
}

/** The guard as an inline script's text, with its settings written in. */
export function guardScript(destination: string, flag: string, neutralTitle: string): string {
  const args = [destination, flag, neutralTitle].map((value) => JSON.stringify(value)).join(",");
  return `(${guard.toString()})(${args});`;
}
