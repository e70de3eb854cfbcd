import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEVELOPMENT_STORE_KEY, open, seal, storeKeyFrom } from "../../src/lib/enquiry/sealed.ts";

const key = randomBytes(32);
const record = JSON.stringify({ message: "I would like to meet them", phone: "07700900982" });
const NAME = "waiting/enquiry-3f9a7c1e5b2d";

describe("a sealed record", () => {
  it("opens to exactly what was sealed, with the same key and name", () => {
    expect(open(key, seal(key, record, NAME), NAME)).toBe(record);
  });

  it("holds nothing readable, and differs each time the same text is sealed", () => {
    const [first, second] = [seal(key, record, NAME), seal(key, record, NAME)];
    expect(first).not.toBe(second);
    for (const sealed of [first, second]) {
      expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const words of ["meet", "07700", "message"]) {
        expect(sealed).not.toContain(words);
        expect(Buffer.from(sealed.split(".")[3] ?? "", "base64url").toString("latin1")).not.toContain(words);
      }
    }
  });

  it("refuses to open under another key, for another name, or with any part changed", () => {
    const sealed = seal(key, record, NAME);
    expect(() => open(randomBytes(32), sealed, NAME)).toThrow();
    expect(() => open(key, sealed, "waiting/enquiry-000000000000")).toThrow();
    const parts = sealed.split(".");
    for (const at of [1, 2, 3]) {
      const bytes = Buffer.from(parts[at]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const changed = parts.map((part, index) => (index === at ? bytes.toString("base64url") : part)).join(".");
      expect(() => open(key, changed, NAME), `part ${at} changed`).toThrow();
    }
    expect(() => open(key, `v2.${parts.slice(1).join(".")}`, NAME)).toThrow("Not a sealed enquiry record.");
  });
});

describe("the store key", () => {
  const written = randomBytes(32).toString("base64");

  it("is read from ENQUIRY_STORE_KEY as 32 bytes of base64, in any context", () => {
    for (const context of [{}, { CONTEXT: "production" }, { LAMBDA_TASK_ROOT: "/var/task" }]) {
      expect(storeKeyFrom({ ...context, ENQUIRY_STORE_KEY: written })).toEqual({
        key: Buffer.from(written, "base64"),
      });
    }
  });

  it("is the development key only where nothing real is kept: locally, when none is set", () => {
    expect(storeKeyFrom({})).toEqual({ key: DEVELOPMENT_STORE_KEY });
    expect(storeKeyFrom({ CONTEXT: "dev" })).toEqual({ key: DEVELOPMENT_STORE_KEY });
    expect(storeKeyFrom({ CONTEXT: "production" })).toEqual({
      error: "ENQUIRY_STORE_KEY is missing on a hosted deploy, so enquiries cannot be kept safe",
    });
    expect(storeKeyFrom({ LAMBDA_TASK_ROOT: "/var/task" })).toHaveProperty("error");
    expect(
      storeKeyFrom({ CONTEXT: "production", ENQUIRY_STORE_KEY: DEVELOPMENT_STORE_KEY.toString("base64") }),
    ).toEqual({ error: "ENQUIRY_STORE_KEY is the development key, which is public: make a new one" });
  });

  it.each([
    ["too short", randomBytes(16).toString("base64")],
    ["too long", randomBytes(48).toString("base64")],
    ["not base64", `${"!".repeat(43)}=`],
    ["hex, not base64", randomBytes(32).toString("hex")],
  ])("says what is wrong with a key that is %s, naming no part of it", (_, value) => {
    const result = storeKeyFrom({ CONTEXT: "production", ENQUIRY_STORE_KEY: value });
    expect(result).toEqual({ error: "ENQUIRY_STORE_KEY must be 32 bytes written in base64 (44 characters)" });
  });
});
