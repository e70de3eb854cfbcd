/** Keystatic's admin app bound to our config, as @keystatic/astro's own page does it. */
import { makePage } from "@keystatic/astro/ui";
import config from "../../keystatic.config.ts";

export const Keystatic = makePage(config);
