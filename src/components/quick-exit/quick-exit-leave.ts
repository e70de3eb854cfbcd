/** The sessionStorage key that marks this tab as having left the site through the quick exit. */
export const LEFT_FLAG = "quick-exit-left";

/** A tab title that says nothing about this site while the destination loads. */
export const NEUTRAL_TITLE = "Loading…";

/** The latest the navigation starts if no frame comes (a tab in the background gets none). */
export const NAVIGATE_AT_LATEST_MS = 250;

/**
 * Leave the site: hide everything and retitle the tab within the event that asked, then swap
 * this page out of history for the destination once the hidden frame is on screen. WebKit puts
 * no new frame of the old page on screen once a cross-site navigation has started, so starting
 * it in the same task would leave the page showing until the destination answers.
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
  let started = false;
  const navigate = () => {
    if (started) return;
    started = true;
    performance.mark("quick-exit:navigating");
    location.replace(destination);
  };
  // The second frame's callback runs only once the first, hidden, frame has been drawn.
  requestAnimationFrame(() => requestAnimationFrame(navigate));
  setTimeout(navigate, NAVIGATE_AT_LATEST_MS);
}
