/**
 * Whether a build or dev server includes the editor at /keystatic, and where it saves. One
 * setting, KEYSTATIC, decides; unset, the safe default applies:
 *
 * - `astro dev` (npm start): the editor, saving to the files on this machine (`local`).
 * - a production build with the GitHub App's variables set: the editor, saving through GitHub
 *   (`github`). Deploy previews and branch deploys (Netlify's CONTEXT) leave it out unless
 *   KEYSTATIC=github is set for that context, with its own callback registered in the App.
 * - any other build (the live site until the App is set up): no editor at all (`off`), and the
 *   build is exactly the static site it was before the editor existed.
 *
 * `local` is refused on Netlify: a hosted editor that writes files would be one anyone could use.
 */
export type AdminMode = "off" | "local" | "github";

/** The variables GitHub mode needs (Keystatic's own names; README.md says how to get them). */
export const GITHUB_VARIABLES = [
  "KEYSTATIC_GITHUB_CLIENT_ID",
  "KEYSTATIC_GITHUB_CLIENT_SECRET",
  "KEYSTATIC_SECRET",
  "PUBLIC_KEYSTATIC_GITHUB_APP_SLUG",
  "KEYSTATIC_GITHUB_REPO",
] as const;

/** Keystatic seals the GitHub refresh token with KEYSTATIC_SECRET; a shorter one fails at sign-in. */
export const MIN_SECRET_LENGTH = 32;

/** Netlify's contexts for builds of unreviewed branches and pull requests. */
const PREVIEW_CONTEXTS = new Set(["deploy-preview", "branch-deploy"]);

export function adminMode(env: Record<string, string | undefined>, command: "dev" | "build"): AdminMode {
  const setting = env["KEYSTATIC"]?.trim().toLowerCase() || undefined;
  const hosted = env["NETLIFY"] === "true";
  const missing = GITHUB_VARIABLES.filter((name) => !env[name]);
  if (setting === undefined) {
    if (command === "dev" && !hosted) return "local";
    // A preview's address is not the App's callback, so sign-in would fail there: left out.
    if (PREVIEW_CONTEXTS.has(env["CONTEXT"] ?? "")) return "off";
    return missing.length === 0 ? github(env) : "off";
  }
  if (setting === "off") return "off";
  if (setting === "local") {
    if (hosted) throw new Error("KEYSTATIC=local is for a computer of your own, not Netlify: use github or off.");
    return "local";
  }
  if (setting === "github") {
    if (missing.length) throw new Error(`KEYSTATIC=github needs ${missing.join(", ")} (see README.md).`);
    return github(env);
  }
  throw new Error(`KEYSTATIC must be off, local or github, not "${env["KEYSTATIC"]}".`);
}

/** GitHub mode, once its secret is long enough: refused here, in the build, not at sign-in. */
function github(env: Record<string, string | undefined>): "github" {
  if ((env["KEYSTATIC_SECRET"] ?? "").length < MIN_SECRET_LENGTH) {
    throw new Error(
      `KEYSTATIC_SECRET must be at least ${MIN_SECRET_LENGTH} characters (make one with \`openssl rand -hex 32\`).`,
    );
  }
  return "github";
}
