import { describe, expect, it } from "vitest";
import { QuickExitKeys, type KeyInput } from "./quick-exit-keys.ts";

const key = (overrides: Partial<KeyInput> & Pick<KeyInput, "type" | "key" | "time">): KeyInput => ({
  shiftKey: false,
  isComposing: false,
  inFormControl: false,
  ...overrides,
});

/** A Shift press and release, as the browser reports it. */
const tapShift = (keys: QuickExitKeys, time: number) => {
  keys.handle(key({ type: "keydown", key: "Shift", shiftKey: true, time }));
  return keys.handle(key({ type: "keyup", key: "Shift", time: time + 50 }));
};

describe("Escape", () => {
  it("leaves at once outside form controls", () => {
    expect(new QuickExitKeys().handle(key({ type: "keydown", key: "Escape", time: 0 }))).toEqual({ action: "leave" });
  });

  it("asks for a second press within a second in a form control", () => {
    const keys = new QuickExitKeys();
    const press = (time: number) => keys.handle(key({ type: "keydown", key: "Escape", inFormControl: true, time }));
    expect(press(0)).toEqual({ action: "confirm-escape" });
    expect(press(900)).toEqual({ action: "leave" });
  });

  it("starts again when the second press in a form control comes too late", () => {
    const keys = new QuickExitKeys();
    const press = (time: number) => keys.handle(key({ type: "keydown", key: "Escape", inFormControl: true, time }));
    expect(press(0)).toEqual({ action: "confirm-escape" });
    expect(press(1200)).toEqual({ action: "confirm-escape" });
    expect(press(1800)).toEqual({ action: "leave" });
  });

  it("ignores key releases and input-method composition", () => {
    const keys = new QuickExitKeys();
    expect(keys.handle(key({ type: "keyup", key: "Escape", time: 0 }))).toEqual({ action: "none" });
    expect(keys.handle(key({ type: "keydown", key: "Escape", isComposing: true, time: 0 }))).toEqual({
      action: "none",
    });
  });
});

describe("Shift three times", () => {
  it("counts down and leaves on the third release", () => {
    const keys = new QuickExitKeys();
    expect(tapShift(keys, 0)).toEqual({ action: "count", remaining: 2 });
    expect(tapShift(keys, 1000)).toEqual({ action: "count", remaining: 1 });
    expect(tapShift(keys, 2000)).toEqual({ action: "leave" });
  });

  it("does not count a Shift held to type a capital letter", () => {
    const keys = new QuickExitKeys();
    for (const time of [0, 1000, 2000]) {
      keys.handle(key({ type: "keydown", key: "Shift", shiftKey: true, time }));
      keys.handle(key({ type: "keydown", key: "A", shiftKey: true, time: time + 10 }));
      keys.handle(key({ type: "keyup", key: "A", shiftKey: true, time: time + 20 }));
      expect(keys.handle(key({ type: "keyup", key: "Shift", time: time + 30 }))).toEqual({ action: "none" });
    }
  });

  it("starts again when another key comes between presses", () => {
    const keys = new QuickExitKeys();
    tapShift(keys, 0);
    tapShift(keys, 500);
    expect(keys.handle(key({ type: "keydown", key: "a", time: 700 }))).toEqual({ action: "reset" });
    expect(tapShift(keys, 900)).toEqual({ action: "count", remaining: 2 });
  });

  it("counts a plain Shift straight after typing", () => {
    const keys = new QuickExitKeys();
    keys.handle(key({ type: "keydown", key: "a", time: 0 }));
    keys.handle(key({ type: "keyup", key: "a", time: 10 }));
    expect(tapShift(keys, 100)).toEqual({ action: "count", remaining: 2 });
  });

  it("starts again when a press comes more than five seconds after the last", () => {
    const keys = new QuickExitKeys();
    tapShift(keys, 0);
    tapShift(keys, 4000);
    expect(tapShift(keys, 9100)).toEqual({ action: "count", remaining: 2 });
    expect(tapShift(keys, 13000)).toEqual({ action: "count", remaining: 1 });
    expect(tapShift(keys, 17900)).toEqual({ action: "leave" });
  });

  it("counts in form controls too", () => {
    const keys = new QuickExitKeys();
    const tap = (time: number) => {
      keys.handle(key({ type: "keydown", key: "Shift", shiftKey: true, inFormControl: true, time }));
      return keys.handle(key({ type: "keyup", key: "Shift", inFormControl: true, time: time + 50 }));
    };
    tap(0);
    tap(300);
    expect(tap(600)).toEqual({ action: "leave" });
  });
});
