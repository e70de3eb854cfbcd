/**
 * What the preview's function workers print: their output reaches this process's stdout, and a
 * test reads it here to check each event, and that no word typed ever reaches a log.
 */
import { vi } from "vitest";

export interface CapturedLogs {
  /** Everything written, as text. */
  text(): string;
  /** The functions' log lines: one JSON object each. */
  events(): Record<string, string | number>[];
  restore(): void;
}

export function captureFunctionLogs(): CapturedLogs {
  let written = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  return {
    text: () => written,
    events: () =>
      written
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, string | number>),
    restore: () => stdout.mockRestore(),
  };
}
