/**
 * Where enquiries wait until the team has them: a few operations on named texts, so the
 * delivery code need not know it is Netlify Blobs. Every write is conditional, so two deliveries
 * running at once (the schedule and a person's `npm run enquiries -- deliver`) cannot undo
 * each other's work.
 */
import { getStore, type Store } from "@netlify/blobs";

/** The one site-wide store, shared by every deploy context (see docs/enquiries.md). */
export const ENQUIRY_STORE_NAME = "enquiries";

export interface StoredText {
  text: string;
  /** Changes on every write: an update names the version it read. */
  version: string;
}

export interface EnquiryStore {
  /** Writes a new entry; "exists" when one of that name is already there, left as it was. */
  create(name: string, text: string): Promise<"created" | "exists">;
  read(name: string): Promise<StoredText | null>;
  /** Writes only over the version named; false when someone else wrote or deleted it since. */
  update(name: string, text: string, version: string): Promise<boolean>;
  remove(name: string): Promise<void>;
  names(): Promise<string[]>;
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
export function createBlobsStore(location?: BlobsLocation): EnquiryStore {
  const store: Store = getStore({
    name: ENQUIRY_STORE_NAME,
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
    async create(name, text) {
      const { modified } = await store.set(name, text, { onlyIfNew: true });
      return modified ? "created" : "exists";
    },
    async read(name) {
      const found = await store.getWithMetadata(name, { type: "text" });
      if (!found) return null;
      return { text: found.data, version: found.etag ?? "" };
    },
    async update(name, text, version) {
      const { modified } = await store.set(name, text, { onlyIfMatch: version });
      return modified;
    },
    remove: (name) => store.delete(name),
    async names() {
      const names: string[] = [];
      for await (const page of store.list({ paginate: true })) names.push(...page.blobs.map(({ key }) => key));
      return names;
    },
  };
}
