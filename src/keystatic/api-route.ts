/**
 * The editor's API (reading and writing pages in local mode; GitHub sign-in in GitHub mode),
 * Keystatic's own handler behind our guards: local mode only on this machine (local-only.ts),
 * and a sign-in only this site can start (sign-in-guard.ts). It reads
 * KEYSTATIC_GITHUB_CLIENT_ID, KEYSTATIC_GITHUB_CLIENT_SECRET and KEYSTATIC_SECRET at run time,
 * so no secret is built into the bundle.
 */
import type { APIRoute } from "astro";
import { makeHandler } from "@keystatic/astro/api";
import config from "../../keystatic.config.ts";
import { refuseLocalModeElsewhere } from "./local-only.ts";
import { guardSignIn } from "./sign-in-guard.ts";

const keystatic = makeHandler({ config });
const storage = import.meta.env["KEYSTATIC_STORAGE"] as string | undefined;

export const ALL: APIRoute = (context) =>
  refuseLocalModeElsewhere(context.request, storage) ?? guardSignIn(context.request, async () => keystatic(context));
