/** Keystatic's admin app bound to our config, as @keystatic/astro's own page does it. */
import { makePage } from "@keystatic/astro/ui";
import config from "../../keystatic.config.ts";
import { EDITOR_PAGE_EVENT } from "./dev-reloads.ts";

export const Keystatic = makePage(config);

// Under astro dev, the page tells the dev server it is the editor, so a save does not reload it.
if (!import.meta.env.SSR) import.meta.hot?.send(EDITOR_PAGE_EVENT);
