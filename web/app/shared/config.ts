/** Where the apps find the bridge, the realm and the desk reader: served by the static server as /config.json,
 * so one build serves every stack (ports and hosts differ; see server/static-server.mjs). */
export interface WebConfig {
  /** The bridge's FHIR base, also the SMART `iss`. */
  fhirBaseUrl: string;
  /** The desk reader's API (cccd-reader serve), loopback only. */
  readerUrl: string;
  /** The clinic's BHYT facility code (urn:vn:bhyt-facility), sent in the eligibility request. */
  facility: string;
}

let loaded: Promise<WebConfig> | undefined;

export function config(): Promise<WebConfig> {
  loaded ??= fetch("/config.json", { cache: "no-store" }).then((r) => {
    if (!r.ok) throw new Error("config.json: HTTP " + r.status);
    return r.json() as Promise<WebConfig>;
  });
  return loaded;
}
