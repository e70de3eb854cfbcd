/**
 * Whether a build or dev server includes the editor at /keystatic, and where it saves. One
 * setting, KEYSTATIC, decides; unset, the safe default applies:
 *
 * - `astro dev` (npm start): the editor, saving to the files on this machine (`local`).
 * - a build with the GitHub App's variables set: the editor, saving through GitHub (`github`).
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

export function adminMode(env: Record<string, string | undefined>, command: "dev" | "build"): AdminMode {
  const setting = env["KEYSTATIC"]?.trim().toLowerCase() || undefined;
  const hosted = env["NETLIFY"] === "true";
  const missing = GITHUB_VARIABLES.filter((name) => !env[name]);
  if (setting === undefined) {
    if (command === "dev" && !hosted) return "local";
    return missing.length === 0 ? "github" : "off";
  }
  if (setting === "off") return "off";
  if (setting === "local") {
    if (hosted) throw new Error("KEYSTATIC=local is for a computer of your own, not Netlify: use github or off.");
    return "local";
  }
  if (setting === "github") {
    if (missing.length) throw new Error(`KEYSTATIC=github needs ${missing.join(", ")} (see README.md).`);
    return "github";
  }
  throw new Error(`KEYSTATIC must be off, local or github, not "${env["KEYSTATIC"]}".`);
}
