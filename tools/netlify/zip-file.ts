/**
 * Reads the zips Netlify's bundler writes: what is in them (from the central directory) and,
 * for a cold start, the files themselves. Only what @netlify/zip-it-and-ship-it writes is
 * handled: stored or deflated entries and symbolic links, no ZIP64, no encryption.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** The path inside the zip, with "/". */
  name: string;
  /** Bytes once unzipped. */
  size: number;
  compressedSize: number;
  symlink: boolean;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;

interface Located extends ZipEntry {
  method: number;
  localHeaderAt: number;
}

function entriesOf(zip: Buffer): Located[] {
  // The end-of-directory record is the last 22 bytes, unless the zip has a comment after it.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) throw new Error("Not a zip file: no end-of-directory record.");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Located[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`Broken zip: no directory entry at ${at}.`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      symlink: (mode & FILE_TYPE_MASK) === SYMLINK_MODE,
      localHeaderAt: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What the zip holds, directories left out. */
export function listZip(file: string): ZipEntry[] {
  return entriesOf(readFileSync(file))
    .filter((entry) => !entry.name.endsWith("/"))
    .map(({ name, size, compressedSize, symlink }) => ({ name, size, compressedSize, symlink }));
}

/** One entry's bytes, unzipped. */
function dataOf(zip: Buffer, entry: Located): Buffer {
  const at = entry.localHeaderAt;
  if (zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`Broken zip: no local header for ${entry.name}.`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new Error(`The zip entry ${entry.name} uses compression method ${entry.method}.`);
}

/** One file in the zip, as text. */
export function readZipText(file: string, name: string): string {
  const zip = readFileSync(file);
  const entry = entriesOf(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${file} has no ${name}.`);
  return dataOf(zip, entry).toString("utf8");
}

/** Unzips into `folder`, as Netlify unpacks a function before its first request. */
export function extractZip(file: string, folder: string): void {
  const zip = readFileSync(file);
  const root = resolve(folder);
  for (const entry of entriesOf(zip)) {
    const target = resolve(root, entry.name);
    if (!target.startsWith(root + sep)) throw new Error(`The zip entry ${entry.name} leaves the folder.`);
    if (entry.name.endsWith("/")) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    const data = dataOf(zip, entry);
    mkdirSync(dirname(target), { recursive: true });
    if (entry.symlink) symlinkSync(data.toString("utf8"), target);
    else writeFileSync(target, data);
  }
}
