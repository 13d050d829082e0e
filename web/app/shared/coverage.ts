import type { Coding, Resource } from "./fhir";

/** What a clerk or a citizen needs from the bridge's CoverageEligibilityResponse (fhir-bridge README,
 * "Coverage"): every field is read from FHIR, nothing from private endpoints. */
export interface Eligibility {
  /** the gateway's result code, e.g. "000" */
  code: string | undefined;
  messageVi: string | undefined;
  messageEn: string | undefined;
  complete: boolean;
  inforce: boolean;
  paidPercent: number | undefined;
  atRegisteredFacility: boolean | undefined;
  validFrom: string | undefined;
  validTo: string | undefined;
  fiveYearDate: string | undefined;
  cardCode: string | undefined;
  stale: boolean;
  /** when the stale answer was fetched from the gateway */
  fetchedAt: string | undefined;
}

const SD = "https://healthid.vn/fhir/StructureDefinition/";

type Ext = { url: string; valueBoolean?: boolean; valueDate?: string };
type Any = Record<string, any>;

export function eligibility(response: Resource): Eligibility {
  const r = response as Any;
  const disposition = String(r.disposition ?? "");
  const match = /^(\w+):\s*(.*?)(?:\s*\/\s*(.*))?$/.exec(disposition);
  const insurance: Any = r.insurance?.[0] ?? {};
  const contained: Any[] = r.contained ?? [];
  const coverage = contained.find((c) => c.resourceType === "Coverage") ?? {};
  const warning = contained.find((c) => c.resourceType === "OperationOutcome" && c.id === "stale");
  const stale = (r.meta?.tag ?? []).some((tag: Coding) => tag.code === "stale") || !!warning;
  const fetchedAt = /fetched at (\S+)/.exec(String(warning?.issue?.[0]?.diagnostics ?? ""))?.[1];
  let paidPercent: number | undefined;
  for (const item of insurance.item ?? []) {
    for (const benefit of item.benefit ?? []) {
      if (benefit.type?.coding?.some((c: Coding) => c.code === "paid-percent")) {
        paidPercent = benefit.allowedUnsignedInt;
      }
    }
  }
  const ext = (list: Ext[] | undefined, name: string) => list?.find((e) => e.url === SD + name);
  return {
    code: match?.[1],
    messageVi: match?.[2],
    messageEn: match?.[3],
    complete: r.outcome === "complete",
    inforce: insurance.inforce === true,
    paidPercent,
    atRegisteredFacility: ext(insurance.extension, "bhyt-at-registered-facility")?.valueBoolean,
    validFrom: insurance.benefitPeriod?.start ?? coverage.period?.start,
    validTo: insurance.benefitPeriod?.end ?? coverage.period?.end,
    fiveYearDate: ext(coverage.extension, "bhyt-five-year-date")?.valueDate,
    cardCode: coverage.identifier?.find((i: Any) => i.system === "urn:vn:bhyt-card")?.value ?? coverage.subscriberId,
    stale,
    fetchedAt,
  };
}

/** A Coverage as the bridge's Coverage search returns it. */
export function coverageFacts(resource: Resource) {
  const c = resource as Any;
  const ext = (name: string) => (c.extension as Ext[] | undefined)?.find((e) => e.url === SD + name);
  return {
    status: c.status as string | undefined,
    cardCode: c.identifier?.find((i: Any) => i.system === "urn:vn:bhyt-card")?.value ?? c.subscriberId,
    validFrom: c.period?.start as string | undefined,
    validTo: c.period?.end as string | undefined,
    fiveYearDate: ext("bhyt-five-year-date")?.valueDate,
    registeredFacility:
      (ext("bhyt-registered-facility") as Any | undefined)?.valueReference?.identifier?.value ??
      (ext("bhyt-registered-facility") as Any | undefined)?.valueReference?.display,
    group: c.class?.map((k: Any) => k.name ?? k.value).join(", "),
  };
}
