/**
 * An EnquiryStore in memory, for tests of the handler and the delivery rounds: the same
 * conditional writes and metadata as Netlify Blobs, what is held at rest open to inspection, a
 * switch that makes every operation fail as a store that is down would, and a hook that runs
 * before each read (to make reads take time on a fake clock).
 */
import type { EnquiryStore, EntryMetadata } from "../../src/lib/enquiry/store.ts";
import { RECORD_PREFIX } from "../../src/lib/enquiry/waiting-enquiries.ts";

export interface MemoryStore extends EnquiryStore {
  /** Exactly what is kept, name to text, as a copy of the store would show it. */
  readonly entries: ReadonlyMap<string, string>;
  /** The enquiry records alone, name to text: not the index or the rounds' notes. */
  readonly records: ReadonlyMap<string, string>;
  /** Each entry's metadata, as kept. */
  readonly metadata: ReadonlyMap<string, EntryMetadata>;
  /** While true, every operation throws, as when Netlify Blobs cannot be reached. */
  down: boolean;
  /** Awaited before every read of an entry or its metadata. */
  beforeRead: (() => Promise<void>) | null;
}

export class StoreDownError extends Error {
  override name = "StoreDownError";
}

export function createMemoryStore(): MemoryStore {
  const entries = new Map<string, { text: string; version: string; metadata: EntryMetadata }>();
  let writes = 0;
  const store: MemoryStore = {
    down: false,
    beforeRead: null,
    get entries() {
      return new Map([...entries].map(([name, { text }]) => [name, text]));
    },
    get records() {
      return new Map(
        [...entries].filter(([name]) => name.startsWith(RECORD_PREFIX)).map(([name, { text }]) => [name, text]),
      );
    },
    get metadata() {
      return new Map([...entries].map(([name, { metadata }]) => [name, metadata]));
    },
    async create(name, text, metadata = {}) {
      check();
      if (entries.has(name)) return "exists" as const;
      entries.set(name, { text, version: `v${++writes}`, metadata: { ...metadata } });
      return "created" as const;
    },
    async read(name) {
      await store.beforeRead?.();
      check();
      const found = entries.get(name);
      return found ? { ...found, metadata: { ...found.metadata } } : null;
    },
    async readMetadata(name) {
      await store.beforeRead?.();
      check();
      const found = entries.get(name);
      return found ? { version: found.version, metadata: { ...found.metadata } } : null;
    },
    async update(name, text, version, metadata = {}) {
      check();
      if (entries.get(name)?.version !== version) return false;
      entries.set(name, { text, version: `v${++writes}`, metadata: { ...metadata } });
      return true;
    },
    async write(name, text) {
      check();
      entries.set(name, { text, version: `v${++writes}`, metadata: {} });
    },
    async remove(name) {
      check();
      entries.delete(name);
    },
    async names(prefix) {
      check();
      return [...entries.keys()].filter((name) => name.startsWith(prefix));
    },
  };
  function check() {
    if (store.down) throw new StoreDownError("The store is down.");
  }
  return store;
}
