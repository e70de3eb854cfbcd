import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/lib/security-headers.ts";

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

it("gives the enquiry function's pages the same security headers netlify.toml gives every file", () => {
  const config = parse(readFileSync(join(import.meta.dirname, "..", "..", "netlify.toml"), "utf8")) as unknown as {
    headers: HeaderRule[];
  };
  const everyPage = config.headers.find((rule) => rule.for === "/*");
  expect(everyPage?.values).toEqual(SECURITY_HEADERS);
});
