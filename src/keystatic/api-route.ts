/**
 * The editor's API (reading and writing pages in local mode; GitHub sign-in in GitHub mode),
 * Keystatic's own handler behind our sign-in guard (sign-in-guard.ts). It reads
 * KEYSTATIC_GITHUB_CLIENT_ID, KEYSTATIC_GITHUB_CLIENT_SECRET and KEYSTATIC_SECRET at run time,
 * so no secret is built into the bundle.
 */
import type { APIRoute } from "astro";
import { makeHandler } from "@keystatic/astro/api";
import config from "../../keystatic.config.ts";
import { guardSignIn } from "./sign-in-guard.ts";

const keystatic = makeHandler({ config });

export const ALL: APIRoute = (context) => guardSignIn(context.request, async () => keystatic(context));
