/** An error's name alone (TypeError, StoreDownError…), which holds no data: safe to log. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  return /^[A-Za-z]{1,64}$/.test(name) ? name : "Error";
}
