/**
 * The building blocks every page in content/ can use without importing them: each .astro
 * file in this folder, by its file name. Adding a file here makes a new block available, and
 * `npm run check:content` learns its name from the same folder.
 */
import type { AstroComponentFactory } from "astro/runtime/server/index.js";

const modules = import.meta.glob<{ default: AstroComponentFactory }>("./*.astro", { eager: true });

export const contentComponents: Record<string, AstroComponentFactory> = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.slice(2, -".astro".length), module.default]),
);
