/**
 * The keyboard rules for the quick exit, kept free of the DOM so they can be tested alone.
 *
 * - Escape leaves at once, except in a text field or other form control, where a second
 *   Escape within a second is needed so a stray press never throws away what someone typed.
 * - Shift pressed and released three times leaves, GOV.UK's convention: counted on release,
 *   with no other key between, each press within five seconds of the last. Shift held to
 *   type a capital letter does not count.
 */

export const SHIFT_PRESSES_TO_LEAVE = 3;
export const SHIFT_WINDOW_MS = 5000;
export const ESCAPE_CONFIRM_WINDOW_MS = 1000;

export type KeyDecision =
  | { action: "leave" }
  | { action: "count"; remaining: number }
  | { action: "confirm-escape" }
  | { action: "reset" }
  | { action: "none" };

export interface KeyInput {
  type: "keydown" | "keyup";
  key: string;
  /** Whether Shift was held when this event fired. */
  shiftKey: boolean;
  /** True while an input method is composing text: those keys are never ours. */
  isComposing: boolean;
  /** Whether focus is in something a person types into or chooses from. */
  inFormControl: boolean;
  /** A clock in milliseconds, such as event.timeStamp. */
  time: number;
}

export class QuickExitKeys {
  #shiftCount = 0;
  #lastShiftAt = -Infinity;
  #lastEscapeAt = -Infinity;
  /** Set when another key went down while Shift was held: that Shift was for typing. */
  #otherKeySinceShift = false;

  handle(input: KeyInput): KeyDecision {
    if (input.isComposing) return { action: "none" };
    if (input.key === "Escape") return input.type === "keydown" ? this.#escape(input) : { action: "none" };
    if (input.key === "Shift") return input.type === "keyup" ? this.#shiftReleased(input) : { action: "none" };
    if (input.type === "keydown") {
      // Any other key breaks a Shift sequence; with Shift held, that Shift was for typing.
      this.#otherKeySinceShift = input.shiftKey;
      return this.#resetShift();
    }
    return { action: "none" };
  }

  #escape(input: KeyInput): KeyDecision {
    this.#resetShift();
    if (!input.inFormControl) return { action: "leave" };
    if (input.time - this.#lastEscapeAt <= ESCAPE_CONFIRM_WINDOW_MS) {
      this.#lastEscapeAt = -Infinity;
      return { action: "leave" };
    }
    this.#lastEscapeAt = input.time;
    return { action: "confirm-escape" };
  }

  #shiftReleased(input: KeyInput): KeyDecision {
    if (this.#otherKeySinceShift) {
      // This Shift was held to type something: it does not count, and starts nothing.
      this.#otherKeySinceShift = false;
      return this.#resetShift();
    }
    if (input.time - this.#lastShiftAt > SHIFT_WINDOW_MS) this.#shiftCount = 0;
    this.#shiftCount += 1;
    this.#lastShiftAt = input.time;
    if (this.#shiftCount >= SHIFT_PRESSES_TO_LEAVE) {
      this.#shiftCount = 0;
      return { action: "leave" };
    }
    return { action: "count", remaining: SHIFT_PRESSES_TO_LEAVE - this.#shiftCount };
  }

  #resetShift(): KeyDecision {
    const wasCounting = this.#shiftCount > 0;
    this.#shiftCount = 0;
    this.#lastShiftAt = -Infinity;
    return wasCounting ? { action: "reset" } : { action: "none" };
  }
}
