/** The page settings schema the build and the content checks share. */
import { describe, expect, it } from "vitest";
import { createPageSchema, parseDay, todayInUk } from "../../src/lib/page-schema.ts";

const schema = createPageSchema("2026-11-25");
const page = {
  title: "Contact us",
  description: "How to ask about restorative justice in West Mercia, by phone or online.",
  lastReviewed: "2026-11-24",
};

describe("the page settings schema", () => {
  it("accepts a page, as text or as the date the site's YAML reader makes, and defaults draft", () => {
    expect(schema.parse(page)).toEqual({ ...page, lastReviewed: new Date("2026-11-24T00:00:00Z"), draft: false });
    expect(schema.parse({ ...page, lastReviewed: new Date("2026-11-25T00:00:00Z") }).lastReviewed).toEqual(
      new Date("2026-11-25T00:00:00Z"),
    );
  });

  it("refuses review dates after today and days that do not exist", () => {
    expect(schema.safeParse({ ...page, lastReviewed: "2026-11-26" }).success).toBe(false);
    expect(schema.safeParse({ ...page, lastReviewed: new Date("2027-01-01") }).success).toBe(false);
    expect(schema.safeParse({ ...page, lastReviewed: "2026-02-29" }).success).toBe(false);
    expect(schema.safeParse({ ...page, lastReviewed: "24/11/2026" }).success).toBe(false);
  });

  it("refuses settings it does not know, so a misspelling is not silently dropped", () => {
    expect(schema.safeParse({ ...page, tittle: "Contact" }).success).toBe(false);
    expect(schema.safeParse({ ...page, navigation: { order: 1, lable: "Contact" } }).success).toBe(false);
  });

  it("knows real days and today's date in the UK", () => {
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseDay("2026-02-29")).toBeUndefined();
    // 23:30 UTC on 30 June is already 1 July in the UK (summer time).
    expect(todayInUk(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInUk(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});
