/** `astro dev` on a throwaway copy, shared with scripts (which never import tests): scripts/lib/keystatic-dev-server.ts. */
export { startDevServer, type DevServer } from "../../scripts/lib/keystatic-dev-server.ts";
