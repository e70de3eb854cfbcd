/**
 * Under `astro dev` (npm start), the dev server never reloads the editor's own page, so nothing
 * an editor types is lost to a reload they did not ask for. Two reloads came unasked:
 *
 * - Astro reloads every open page when a content file changes, so each save in the editor
 *   reloaded the editor too, and what was typed just after Save was lost (Thinkmill/keystatic#643).
 *   The editor reads pages through its own API, not Astro's, so it has nothing to refresh.
 * - Astro's content sync at start-up sends a reload before any browser is connected; the dev
 *   server holds it for the first page that connects, which then reloads as soon as it has
 *   loaded (withastro/astro#17283, still so in Astro 7.3.5 when the sync rewrites its store).
 *   With no page open there is nothing to reload: a tab left open across a restart reloads
 *   itself when it reconnects.
 *
 * Public pages open in other tabs still reload, so they show a saved change at once.
 */
import type { HotPayload, NormalizedHotChannelClient, Plugin } from "vite";

/** What the editor's page sends the dev server when it connects (admin-app.ts). */
export const EDITOR_PAGE_EVENT = "rj:editor-page";

export function editorStaysPut(): Plugin {
  return {
    name: "editor-stays-put",
    apply: "serve",
    configureServer(server) {
      const editors = new WeakSet<NormalizedHotChannelClient>();
      server.ws.on(EDITOR_PAGE_EVENT, (_data: unknown, client: NormalizedHotChannelClient) => editors.add(client));
      // Every reload passes through here: Astro's and Vite's own both end in server.ws.send.
      const send: (payload: HotPayload | string, data?: unknown) => void = server.ws.send.bind(server.ws);
      server.ws.send = (payload: HotPayload | string, data?: unknown) => {
        if (typeof payload === "string" || payload.type !== "full-reload") return send(payload, data);
        // Page by page, so a reload is never held for a page that connects later.
        for (const page of server.ws.clients) if (!editors.has(page)) page.send(payload);
      };
    },
  };
}
