/**
 * An EnquiryStore in memory, for tests of the handler and the delivery rounds: the same
 * conditional writes as Netlify Blobs, what is held at rest open to inspection, and a switch
 * that makes every operation fail as a store that is down would.
 */
import type { EnquiryStore } from "../../src/lib/enquiry/store.ts";

export interface MemoryStore extends EnquiryStore {
  /** Exactly what is kept, name to text, as a copy of the store would show it. */
  readonly entries: ReadonlyMap<string, string>;
  /** While true, every operation throws, as when Netlify Blobs cannot be reached. */
  down: boolean;
}

export class StoreDownError extends Error {
  override name = "StoreDownError";
}

export function createMemoryStore(): MemoryStore {
  const entries = new Map<string, { text: string; version: string }>();
  let writes = 0;
  const store = {
    down: false,
    get entries() {
      return new Map([...entries].map(([name, { text }]) => [name, text]));
    },
    async create(name: string, text: string) {
      check();
      if (entries.has(name)) return "exists" as const;
      entries.set(name, { text, version: `v${++writes}` });
      return "created" as const;
    },
    async read(name: string) {
      check();
      const found = entries.get(name);
      return found ? { ...found } : null;
    },
    async update(name: string, text: string, version: string) {
      check();
      if (entries.get(name)?.version !== version) return false;
      entries.set(name, { text, version: `v${++writes}` });
      return true;
    },
    async remove(name: string) {
      check();
      entries.delete(name);
    },
    async names() {
      check();
      return [...entries.keys()];
    },
  };
  function check() {
    if (store.down) throw new StoreDownError("The store is down.");
  }
  return store;
}
