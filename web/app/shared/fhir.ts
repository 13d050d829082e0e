/** Calls to the bridge's FHIR API with a bearer token, and its OperationOutcome errors as values. */

export interface Coding { system?: string; code?: string; display?: string }
export interface Resource { resourceType: string; id?: string; [key: string]: unknown }
export interface Bundle extends Resource {
  entry?: { resource?: Resource; fullUrl?: string }[];
  link?: { relation: string; url: string }[];
  total?: number;
}

/** A refusal from the bridge: the HTTP status, every stable code in the OperationOutcome (bridge code first,
 * then the feature's own, e.g. COVERAGE_...), the gateway result code when there is one, and for 401 step-up
 * the acr values the bridge asks for (RFC 9470). */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly codes: string[],
    readonly text: string,
    readonly gatewayCode?: string,
    readonly stepUpAcrValues?: string,
    readonly stepUpMaxAge?: string,
  ) {
    super(`${status} ${codes.join(" ")} ${text}`.trim());
  }
  has(code: string): boolean {
    return this.codes.includes(code);
  }
}

const GATEWAY_RESULT = "https://healthid.vn/fhir/CodeSystem/bhyt-result";

export async function fhir<T extends Resource>(
  url: string,
  token: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/fhir+json",
    Authorization: "Bearer " + token,
    ...init.headers,
  };
  if (init.body !== undefined) headers["Content-Type"] = "application/fhir+json";
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new FhirError(0, ["NETWORK"], "the FHIR server did not answer");
  }
  const body = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  throw toError(response, body);
}

function toError(response: Response, body: unknown): FhirError {
  const codes: string[] = [];
  let text = "";
  let gatewayCode: string | undefined;
  const outcome = body as { resourceType?: string; issue?: { details?: { coding?: Coding[]; text?: string }; diagnostics?: string }[] };
  if (outcome?.resourceType === "OperationOutcome") {
    for (const issue of outcome.issue ?? []) {
      for (const c of issue.details?.coding ?? []) {
        if (c.system === GATEWAY_RESULT) gatewayCode = c.code;
        else if (c.code) codes.push(c.code);
      }
      text ||= issue.details?.text ?? issue.diagnostics ?? "";
    }
  }
  const challenge = response.headers.get("WWW-Authenticate") ?? "";
  const acr = /acr_values="([^"]*)"/.exec(challenge)?.[1];
  const maxAge = /max_age="?(\d+)/.exec(challenge)?.[1];
  if (codes.length === 0) codes.push("HTTP_" + response.status);
  return new FhirError(response.status, codes, text, gatewayCode, acr, maxAge);
}

export function resources<T extends Resource>(bundle: Bundle | undefined, type?: string): T[] {
  return (bundle?.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Resource => !!r && (!type || r.resourceType === type)) as T[];
}

export function nextLink(bundle: Bundle | undefined): string | undefined {
  return bundle?.link?.find((l) => l.relation === "next")?.url;
}
