/** The form posted as a browser posts it from the site's own page at `origin`. */
export function formPost(origin: string, fields: Record<string, string>): Request {
  return new Request(`${origin}/enquire/send`, {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}
