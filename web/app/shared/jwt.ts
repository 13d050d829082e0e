/** Reads a JWT's payload as UTF-8. The apps only display what it says; the bridge and Keycloak verify it.
 * (Decoding with atob alone mangles Vietnamese names: atob yields Latin-1 code units, not UTF-8.) */
export function claims(token: string | undefined): Record<string, unknown> {
  if (!token) return {};
  const part = token.split(".")[1];
  if (!part) return {};
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return JSON.parse(new TextDecoder("utf-8").decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
