/** The local outbox's emails, read as a mail program reads them (mailparser), for tests. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

export async function readOutbox(dir: string): Promise<ParsedMail[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".eml")).sort();
  return Promise.all(files.map(async (file) => simpleParser(await readFile(join(dir, file)))));
}
