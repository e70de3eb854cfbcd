/**
 * Where enquiries wait until the team has them: a few operations on named texts, so the
 * delivery code need not know it is Netlify Blobs. Every write to a record is conditional, so
 * two deliveries running at once (the schedule, a mail event and a person's command) cannot
 * undo each other's work. Each entry may carry metadata: plain facts about it (a stage, times,
 * which key sealed it), never anything the person typed, so the status check reads them
 * without opening anything.
 */
import { getStore, type Store } from "@netlify/blobs";
import { isProduction, type Env } from "./mailers/choose-mailer.ts";

/** The live site's store. Only production opens it (see docs/enquiries.md). */
export const ENQUIRY_STORE_NAME = "enquiries";
/**
 * Deploy previews and branch deploys run code nobody has reviewed yet: they keep their
 * enquiries in a store of their own, sealed under a key of their own.
 */
export const PREVIEW_STORE_NAME = "enquiries-preview";

/** Production, and Netlify's local tools on this machine: the one store; any other deploy: its own. */
export function enquiryStoreName(env: Env): string {
  return isProduction(env) || env.CONTEXT === "dev" ? ENQUIRY_STORE_NAME : PREVIEW_STORE_NAME;
}

export type EntryMetadata = Record<string, string | number | boolean | null>;

export interface StoredText {
  text: string;
  /** Changes on every write: an update names the version it read. */
  version: string;
  metadata: EntryMetadata;
}

export interface EnquiryStore {
  /** Writes a new entry; "exists" when one of that name is already there, left as it was. */
  create(name: string, text: string, metadata?: EntryMetadata): Promise<"created" | "exists">;
  read(name: string): Promise<StoredText | null>;
  /** The metadata alone: one small request, nothing to open. */
  readMetadata(name: string): Promise<{ version: string; metadata: EntryMetadata } | null>;
  /** Writes only over the version named; false when someone else wrote or deleted it since. */
  update(name: string, text: string, version: string, metadata?: EntryMetadata): Promise<boolean>;
  /** Writes whatever is there: for entries only this code's own bookkeeping reads. */
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** The names that start with `prefix`. */
  names(prefix: string): Promise<string[]>;
}

/** Where to find the store outside a Netlify function, which finds it by itself. */
export interface BlobsLocation {
  siteID: string;
  token: string;
  /** A local Blobs server, as `npm start` and `npm run preview` run; the live API otherwise. */
  edgeURL?: string;
}

/**
 * The store on Netlify Blobs, with strong consistency: a record written is read back by the next
 * delivery round, wherever it runs.
 */
export function createBlobsStore(name: string = ENQUIRY_STORE_NAME, location?: BlobsLocation): EnquiryStore {
  const store: Store = getStore({
    name,
    consistency: "strong",
    ...(location
      ? {
          siteID: location.siteID,
          token: location.token,
          ...(location.edgeURL ? { edgeURL: location.edgeURL, uncachedEdgeURL: location.edgeURL } : {}),
        }
      : {}),
  });
  return {
    async create(key, text, metadata = {}) {
      const { modified } = await store.set(key, text, { onlyIfNew: true, metadata });
      return modified ? "created" : "exists";
    },
    async read(key) {
      const found = await store.getWithMetadata(key, { type: "text" });
      if (!found) return null;
      return { text: found.data, version: found.etag ?? "", metadata: asMetadata(found.metadata) };
    },
    async readMetadata(key) {
      const found = await store.getMetadata(key);
      if (!found) return null;
      return { version: found.etag ?? "", metadata: asMetadata(found.metadata) };
    },
    async update(key, text, version, metadata = {}) {
      const { modified } = await store.set(key, text, { onlyIfMatch: version, metadata });
      return modified;
    },
    async write(key, text) {
      await store.set(key, text);
    },
    remove: (key) => store.delete(key),
    async names(prefix) {
      const names: string[] = [];
      for await (const page of store.list({ paginate: true, prefix })) names.push(...page.blobs.map(({ key }) => key));
      return names;
    },
  };
}

function asMetadata(value: unknown): EntryMetadata {
  return value && typeof value === "object" ? (value as EntryMetadata) : {};
}
