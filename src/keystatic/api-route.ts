/**
 * The editor's API (reading and writing pages in local mode; GitHub sign-in in GitHub mode),
 * Keystatic's own handler. It reads KEYSTATIC_GITHUB_CLIENT_ID, KEYSTATIC_GITHUB_CLIENT_SECRET
 * and KEYSTATIC_SECRET at run time, so no secret is built into the bundle.
 */
import { makeHandler } from "@keystatic/astro/api";
import config from "../../keystatic.config.ts";

export const ALL = makeHandler({ config });
