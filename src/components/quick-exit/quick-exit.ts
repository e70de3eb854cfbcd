/**
 * The quick exit, enhanced. Without this script the control is an ordinary link to the safe
 * destination; with it, a click, Escape, or Shift three times leaves in one go: the page is
 * hidden, the tab gets a neutral title, the tab is marked as having left (so Back cannot show
 * the site again, see quick-exit-guard.ts) and the destination replaces this page in history.
 */
import { QuickExitKeys, SHIFT_WINDOW_MS, type KeyDecision } from "./quick-exit-keys.ts";
import { LEFT_FLAG, leaveNow } from "./quick-exit-leave.ts";

const link = document.querySelector<HTMLAnchorElement>("[data-quick-exit-link]");
// It holds what it may say, in the page's language (QuickExit.astro).
const status = document.querySelector<HTMLElement>("[data-quick-exit-status]");

if (link) {
  const destination = link.href;
  const keys = new QuickExitKeys();
  let clearStatusTimer: ReturnType<typeof setTimeout> | undefined;

  const say = (message: string) => {
    if (!status) return;
    status.textContent = message;
    clearTimeout(clearStatusTimer);
    if (message) clearStatusTimer = setTimeout(() => (status.textContent = ""), SHIFT_WINDOW_MS);
  };

  const act = (decision: KeyDecision, event: Event) => {
    switch (decision.action) {
      case "leave":
        event.preventDefault();
        leaveNow(destination, LEFT_FLAG);
        break;
      case "count":
        say((decision.remaining === 1 ? status?.dataset["shiftOnce"] : status?.dataset["shiftTwice"]) ?? "");
        break;
      case "confirm-escape":
        say(status?.dataset["pressAgain"] ?? "");
        break;
      case "reset":
        say("");
        break;
      case "none":
        break;
    }
  };

  link.addEventListener("click", (event) => {
    event.preventDefault();
    leaveNow(destination, LEFT_FLAG);
  });

  const onKey = (event: KeyboardEvent) => {
    const decision = keys.handle({
      type: event.type === "keyup" ? "keyup" : "keydown",
      key: event.key,
      shiftKey: event.shiftKey,
      isComposing: event.isComposing,
      inFormControl: isFormControl(event.target),
      time: event.timeStamp,
    });
    act(decision, event);
  };
  // Capture phase, so nothing on the page can swallow the keys first.
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("keyup", onKey, true);
}

function isFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Buttons, checkboxes and radios hold nothing typed: Escape there leaves at once.
    return !["button", "submit", "reset", "checkbox", "radio", "image"].includes(target.type);
  }
  return false;
}
