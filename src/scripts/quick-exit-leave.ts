/** The sessionStorage key that marks this tab as having left the site through the quick exit. */
export const LEFT_FLAG = "quick-exit-left";

/** A tab title that says nothing about this site while the destination loads. */
export const NEUTRAL_TITLE = "Loading…";

/**
 * Leave the site, all within the event that asked for it: hide everything first, so nothing
 * lingers on screen, then swap this page out of history for the destination.
 */
export function leaveNow(destination: string, flag: string): void {
  document.documentElement.style.setProperty("display", "none", "important");
  document.title = NEUTRAL_TITLE;
  performance.mark("quick-exit:hidden");
  try {
    sessionStorage.setItem(flag, "1");
  } catch {
    // Storage can be switched off; leaving still works, only the Back guard is weaker.
  }
  performance.mark("quick-exit:navigating");
  location.replace(destination);
}
