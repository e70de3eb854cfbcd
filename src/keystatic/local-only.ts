/**
 * Local mode writes the pages on the machine that serves the admin: fine for `npm start`, where
 * that is the editor's own computer, and wrong anywhere else. The build already refuses it on
 * Netlify; this refuses it at run time too, for a build made elsewhere and deployed by hand.
 */
const THIS_MACHINE = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A 403 for a local-mode request that did not come to this machine's own address; else null. */
export function refuseLocalModeElsewhere(request: Request, storage: string | undefined): Response | null {
  if (storage === "github" || THIS_MACHINE.has(new URL(request.url).hostname)) return null;
  return new Response("This editor saves to files on the computer it runs on, so it only works there.\n", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
