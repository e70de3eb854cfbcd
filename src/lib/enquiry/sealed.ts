/**
 * Enquiries at rest, sealed with AES-256-GCM (node:crypto) under the key in ENQUIRY_STORE_KEY,
 * so a copy of the store reads as noise and any change to a record is found on opening. Each
 * record is bound to its own name (the associated data), so records cannot be swapped.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { isHosted, isProduction, type Env } from "./mailers/choose-mailer.ts";

export const STORE_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Names the format, so a later one can be told apart. */
const VERSION = "v1";

/**
 * For `npm start`, `npm run preview` and tests only: a fixed key anyone can read here, so
 * it protects nothing and is refused in production and on any hosted deploy.
 */
export const DEVELOPMENT_STORE_KEY: Buffer = createHash("sha256")
  .update("west-mercia-rj local development store key: never for real enquiries")
  .digest();

/** The key from the environment: 32 random bytes, base64, as `openssl rand -base64 32` prints. */
export function storeKeyFrom(env: Env): { key: Buffer } | { error: string } {
  const written = env["ENQUIRY_STORE_KEY"]?.trim();
  const hosted = isProduction(env) || isHosted(env);
  if (!written) {
    return hosted
      ? { error: "ENQUIRY_STORE_KEY is missing on a hosted deploy, so enquiries cannot be kept safe" }
      : { key: DEVELOPMENT_STORE_KEY };
  }
  const key = keyFromBase64(written);
  if (!key) return { error: `ENQUIRY_STORE_KEY must be ${STORE_KEY_BYTES} bytes written in base64 (44 characters)` };
  if (hosted && key.equals(DEVELOPMENT_STORE_KEY)) {
    return { error: "ENQUIRY_STORE_KEY is the development key, which is public: make a new one" };
  }
  return { key };
}

/** The key that seals, and the earlier ones that still open records sealed before a rotation. */
export interface StoreKeys {
  current: Buffer;
  old: readonly Buffer[];
}

/**
 * ENQUIRY_STORE_KEY, and ENQUIRY_STORE_OLD_KEYS (comma-separated, same form): the old keys only
 * open; whatever they open is sealed again under the current key.
 */
export function storeKeysFrom(env: Env): StoreKeys | { error: string } {
  const current = storeKeyFrom(env);
  if ("error" in current) return current;
  const old: Buffer[] = [];
  for (const [index, written] of (env["ENQUIRY_STORE_OLD_KEYS"] ?? "").split(",").entries()) {
    if (written.trim() === "") continue;
    const key = keyFromBase64(written.trim());
    // Which one is wrong, by position: the value itself is a secret.
    if (!key) return { error: `ENQUIRY_STORE_OLD_KEYS: key ${index + 1} is not ${STORE_KEY_BYTES} bytes in base64` };
    old.push(key);
  }
  return { current: current.key, old };
}

/**
 * A short name for a key, kept beside each record, so the status check can tell a record no key
 * here opens without opening it. Eight hex digits of a hash say nothing useful about the key.
 */
export const keyId = (key: Buffer): string =>
  createHash("sha256").update("west-mercia-rj store key id\0").update(key).digest("hex").slice(0, 8);

function keyFromBase64(written: string): Buffer | null {
  const key = Buffer.from(written, "base64");
  // Buffer.from skips what is not base64, so check that it read the whole value back.
  return key.length === STORE_KEY_BYTES && key.toString("base64") === written ? key : null;
}

/** Seals text as "v1.<iv>.<tag>.<ciphertext>", each part base64url; a new random IV each time. */
export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

/** Opens what seal() made for the same name; throws if the key, the name or a byte differs. */
export function open(key: Buffer, sealedText: string, boundTo: string): string {
  const [version, iv, tag, sealed, ...rest] = sealedText.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || sealed === undefined || rest.length > 0) {
    throw new Error("Not a sealed enquiry record.");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
