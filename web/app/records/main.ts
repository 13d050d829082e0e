import { html, LitElement, nothing, type TemplateResult } from "lit";
import { config, type WebConfig } from "../shared/config";
import { coverageFacts } from "../shared/coverage";
import { fhir, FhirError, nextLink, resources, type Bundle, type Resource } from "../shared/fhir";
import { date, dateTime, lang, onLangChange, t, type Words } from "../shared/i18n";
import { bar } from "../shared/shell";
import { hasSession, level, patientId, resume, signIn, signOut, type Session } from "../shared/smart";
import { ACTIONS, CLIENTS, PURPOSES, TYPES, words } from "./labels";

const CLIENT_ID = "my-records";
const SCOPE = [
  "openid",
  "fhirUser",
  "profile",
  "patient/Patient.rs",
  "patient/Coverage.rs",
  "patient/Encounter.rs",
  "patient/Appointment.cruds",
  "patient/AuditEvent.rs",
  "patient/Consent.cruds",
].join(" ");
const APP: Words = { vi: "Hồ sơ của tôi · healthid", en: "My records · healthid" };
const TOP_ACR = "urn:vn:healthid:acr:chip-aa";
const PENDING_VIEW = "healthid.records.view";

type View = "coverage" | "history" | "appointments" | "audit" | "consents";
const VIEWS: { id: View; words: Words }[] = [
  { id: "coverage", words: { vi: "Thẻ BHYT", en: "Insurance" } },
  { id: "history", words: { vi: "Lịch sử khám", en: "Treatment history" } },
  { id: "appointments", words: { vi: "Khám từ xa", en: "Telehealth" } },
  { id: "audit", words: { vi: "Ai đã xem hồ sơ", en: "Who looked at my records" } },
  { id: "consents", words: { vi: "Đồng ý chia sẻ", en: "My consents" } },
];

type Any = Record<string, any>;
type Load<T> = { state: "idle" | "loading" | "done" | "error"; data?: T; error?: FhirError };

class RecordsApp extends LitElement {
  static properties = {
    session: { state: true },
    view: { state: true },
    coverage: { state: true },
    history: { state: true },
    audit: { state: true },
    appointments: { state: true },
    consents: { state: true },
    notice: { state: true },
    stepUp: { state: true },
    joined: { state: true },
    filter: { state: true },
    loginFailed: { state: true },
  };

  declare session: Session | undefined;
  declare view: View;
  declare coverage: Load<Resource[]>;
  declare history: Load<Resource[]>;
  declare audit: Load<{ events: Resource[]; total?: number; next?: string; pages: string[] }>;
  declare appointments: Load<Resource[]>;
  declare consents: Load<Resource[]>;
  declare notice: { cls: string; text: string } | undefined;
  declare stepUp: { acr: string; maxAge?: string; reason: Words } | undefined;
  declare joined: Record<string, Any>;
  declare filter: { outcome: string; kind: string };
  declare loginFailed: string | undefined;
  private cfg: WebConfig | undefined;

  constructor() {
    super();
    this.view = "coverage";
    this.coverage = { state: "idle" };
    this.history = { state: "idle" };
    this.audit = { state: "idle" };
    this.appointments = { state: "idle" };
    this.consents = { state: "idle" };
    this.joined = {};
    this.filter = { outcome: "all", kind: "all" };
    onLangChange(() => this.requestUpdate());
    window.addEventListener("hashchange", () => this.route());
  }

  createRenderRoot() {
    return this;
  }

  async connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    this.cfg = await config();
    if (hasSession()) {
      try {
        this.session = await resume();
        const pending = sessionStorage.getItem(PENDING_VIEW);
        if (pending) {
          sessionStorage.removeItem(PENDING_VIEW);
          location.hash = pending;
        }
        this.route();
      } catch (e) {
        this.loginFailed = String((e as Error).message ?? e);
      }
    }
  }

  private get base() {
    return this.cfg!.fhirBaseUrl;
  }

  private get patient() {
    return patientId(this.session!)!;
  }

  private route() {
    const wanted = location.hash.replace(/^#/, "") as View;
    this.view = VIEWS.some((v) => v.id === wanted) ? wanted : "coverage";
    this.notice = undefined;
    this.load(this.view);
    this.updateComplete.then(() => (this.querySelector("h1") as HTMLElement | null)?.focus());
  }

  private load(view: View, force = false) {
    if (!this.session) return;
    const key = view as keyof Pick<RecordsApp, "coverage" | "history" | "appointments" | "consents">;
    if (view === "audit") {
      if (force || this.audit.state === "idle") this.loadAudit(this.base + "/AuditEvent?_count=10", []);
      return;
    }
    if (!force && this[key].state !== "idle") return;
    const url = {
      coverage: `${this.base}/Coverage?patient=Patient/${this.patient}`,
      history: `${this.base}/Patient/${this.patient}/$bhyt-history`,
      appointments: `${this.base}/Appointment?patient=Patient/${this.patient}`,
      consents: `${this.base}/Consent?patient=Patient/${this.patient}`,
    }[key];
    this[key] = { state: "loading" };
    fhir<Bundle>(url, this.session.accessToken)
      .then((b) => (this[key] = { state: "done", data: resources(b).filter((r) => r.resourceType !== "OperationOutcome") }))
      .catch((e) => (this[key] = { state: "error", error: e instanceof FhirError ? e : new FhirError(0, ["UNEXPECTED"], String(e)) }));
  }

  private loadAudit(url: string, pages: string[]) {
    this.audit = { state: "loading", data: this.audit.data };
    fhir<Bundle>(url, this.session!.accessToken)
      .then((b) => {
        this.audit = {
          state: "done",
          data: { events: resources(b, "AuditEvent"), total: b.total, next: nextLink(b), pages: [...pages, url] },
        };
      })
      .catch((e) => (this.audit = { state: "error", error: e }));
  }

  render(): TemplateResult {
    const s = this.session;
    const who = s ? html`${s.name ?? t({ vi: "Công dân", en: "Citizen" })}` : undefined;
    return html`${bar(APP, who, s ? () => signOut(s, "/records/") : undefined)}
      ${s ? this.nav() : nothing}
      <main id="main" tabindex="-1">${s ? this.page() : this.login()}</main>`;
  }

  private login(): TemplateResult {
    return html`<h1>${t({ vi: "Hồ sơ sức khoẻ của tôi", en: "My health records" })}</h1>
      <section class="panel">
        <p>
          ${t({
            vi: "Xem thẻ BHYT, lịch sử khám, lịch khám từ xa, ai đã xem hồ sơ của bạn, và quyền chia sẻ bạn đã cho.",
            en: "See your insurance card, treatment history, telehealth appointments, who looked at your records, and the consents you gave.",
          })}
        </p>
        ${this.loginFailed
          ? html`<div class="status bad" role="alert"><strong>${t({ vi: "Đăng nhập không thành công", en: "Sign-in failed" })}</strong>
              <p>${this.loginFailed}</p></div>`
          : nothing}
        <div class="actions">
          <button class="primary" id="sign-in-chip" type="button" @click=${() => signIn(CLIENT_ID, SCOPE, "/records/")}>
            ${t({ vi: "Đăng nhập bằng thẻ CCCD gắn chip", en: "Sign in with your chip CCCD card" })}
          </button>
          <button id="sign-in-vneid" type="button" @click=${() => signIn(CLIENT_ID, SCOPE, "/records/", { kc_idp_hint: "vneid" })}>
            ${t({ vi: "Đăng nhập bằng VNeID (mức 2)", en: "Sign in with VNeID (level 2)" })}
          </button>
        </div>
        <p class="muted">
          ${t({
            vi: "Với thẻ CCCD: quét mã QR bằng điện thoại có NFC, hoặc đặt thẻ lên đầu đọc tại ki-ốt.",
            en: "With the card: scan the QR code with an NFC phone, or put the card on a kiosk's reader.",
          })}
        </p>
      </section>`;
  }

  private nav(): TemplateResult {
    return html`<nav class="tabs" aria-label=${t({ vi: "Các mục", en: "Sections" })}>
      <ul style="max-width:56rem;margin:0 auto;padding:.75rem 1rem 0">
        ${VIEWS.map(
          (v) => html`<li><a href="#${v.id}" aria-current=${this.view === v.id ? "page" : "false"}>${t(v.words)}</a></li>`,
        )}
      </ul>
    </nav>`;
  }

  private page(): TemplateResult {
    const title = VIEWS.find((v) => v.id === this.view)!.words;
    return html`<h1 tabindex="-1">${t(title)}</h1>
      ${this.notice ? html`<div class="status ${this.notice.cls}" role="status">${this.notice.text}</div>` : nothing}
      ${this.stepUp ? this.stepUpView(this.stepUp) : nothing}
      ${{
        coverage: () => this.coverageView(),
        history: () => this.historyView(),
        appointments: () => this.appointmentsView(),
        audit: () => this.auditView(),
        consents: () => this.consentsView(),
      }[this.view]()}`;
  }

  // ---- shared bits

  private loading(): TemplateResult {
    return html`<p role="status" aria-live="polite">${t({ vi: "Đang tải…", en: "Loading…" })}</p>`;
  }

  private error(e: FhirError | undefined): TemplateResult {
    const code = e?.codes.find((c) => c.startsWith("COVERAGE_")) ?? e?.codes[0] ?? "UNEXPECTED";
    const known: Record<string, Words> = {
      COVERAGE_NO_USABLE_CARD: { vi: "Cổng BHYT không có thẻ dùng được cho bạn.", en: "The insurance gateway has no usable card for you." },
      COVERAGE_GATEWAY_UNAVAILABLE: { vi: "Cổng BHYT tạm thời không trả lời. Vui lòng thử lại sau.", en: "The insurance gateway does not answer right now. Please try later." },
      COVERAGE_SELF_SERVICE_DISABLED: { vi: "Tra cứu BHYT tự phục vụ chưa được bật.", en: "Self-service insurance lookups are not enabled." },
      STEP_UP_REQUIRED: { vi: "Cần xác thực mạnh hơn.", en: "A stronger sign-in is needed." },
      NETWORK: { vi: "Không kết nối được máy chủ.", en: "The server does not answer." },
    };
    return html`<div class="status bad" role="alert">
      <p>${known[code] ? t(known[code]) : t({ vi: "Không tải được dữ liệu.", en: "Could not load the data." })}</p>
      <p class="muted">${t({ vi: "Mã", en: "Code" })}: <code>${code}${e?.gatewayCode ? " · " + e.gatewayCode : ""}</code></p>
    </div>`;
  }

  private handle(e: unknown, reason: Words) {
    if (e instanceof FhirError && e.has("STEP_UP_REQUIRED")) {
      // acr_values as the bridge lists them (RFC 9470), max_age when it asks for a recent proof.
      this.stepUp = { acr: e.stepUpAcrValues ?? TOP_ACR, maxAge: e.stepUpMaxAge, reason };
      this.updateComplete.then(() => (this.querySelector("#step-up") as HTMLElement | null)?.focus());
      return;
    }
    const code = e instanceof FhirError ? e.codes.join(" ") : String(e);
    this.notice = { cls: "bad", text: t({ vi: "Không thực hiện được: ", en: "That did not work: " }) + code };
  }

  private stepUpView(s: { acr: string; maxAge?: string; reason: Words }): TemplateResult {
    return html`<section class="panel" aria-labelledby="step-up">
      <div class="status warn">
        <strong class="big" id="step-up" tabindex="-1">${t({ vi: "Cần xác thực lại bằng thẻ CCCD", en: "Confirm with your CCCD card" })}</strong>
        <p>${t(s.reason)}</p>
        <div class="actions">
          <button class="primary" id="step-up-go" type="button" @click=${() => {
            sessionStorage.setItem(PENDING_VIEW, this.view);
            signIn(CLIENT_ID, SCOPE, "/records/", { acr_values: s.acr, ...(s.maxAge !== undefined ? { max_age: s.maxAge } : {}) });
          }}>${t({ vi: "Xác thực bằng thẻ", en: "Confirm with the card" })}</button>
          <button type="button" @click=${() => (this.stepUp = undefined)}>${t({ vi: "Để sau", en: "Not now" })}</button>
        </div>
      </div>
    </section>`;
  }

  // ---- coverage

  private coverageView(): TemplateResult {
    const l = this.coverage;
    if (l.state === "loading" || l.state === "idle") return this.loading();
    if (l.state === "error") return this.error(l.error);
    if (!l.data?.length) return html`<p>${t({ vi: "Không tìm thấy thẻ BHYT.", en: "No insurance card found." })}</p>`;
    return html`${l.data.map((c) => {
      const f = coverageFacts(c);
      const active = f.status === "active";
      return html`<section class="panel" data-testid="coverage" data-status=${f.status ?? ""}>
        <div class="status ${active ? "ok" : "bad"}">
          <strong class="big">${active ? t({ vi: "Thẻ BHYT đang có giá trị", en: "Your insurance card is valid" }) : t({ vi: "Thẻ BHYT không còn giá trị", en: "Your insurance card is not valid" })}</strong>
        </div>
        <dl class="facts">
          <dt>${t({ vi: "Mã thẻ", en: "Card code" })}</dt><dd>${f.cardCode ?? "–"}</dd>
          <dt>${t({ vi: "Có giá trị", en: "Valid" })}</dt><dd>${date(f.validFrom)} – ${date(f.validTo)}</dd>
          <dt>${t({ vi: "Nơi đăng ký KCB ban đầu", en: "Registered facility" })}</dt><dd>${f.registeredFacility ?? "–"}</dd>
          <dt>${t({ vi: "Thời điểm đủ 5 năm liên tục", en: "Five years in a row from" })}</dt><dd>${date(f.fiveYearDate)}</dd>
        </dl>
      </section>`;
    })}`;
  }

  // ---- treatment history

  private historyView(): TemplateResult {
    const l = this.history;
    if (l.state === "loading" || l.state === "idle") return this.loading();
    if (l.state === "error") return this.error(l.error);
    const encounters = l.data ?? [];
    if (!encounters.length) return html`<p>${t({ vi: "Chưa có lượt khám nào.", en: "No visits recorded." })}</p>`;
    return html`<table data-testid="history">
      <caption class="visually-hidden">${t({ vi: "Lịch sử khám chữa bệnh BHYT", en: "BHYT treatment history" })}</caption>
      <thead><tr><th scope="col">${t({ vi: "Ngày", en: "Date" })}</th><th scope="col">${t({ vi: "Cơ sở", en: "Facility" })}</th><th scope="col">${t({ vi: "Chẩn đoán", en: "Diagnosis" })}</th></tr></thead>
      <tbody>${encounters.map((e) => {
        const x = e as Any;
        return html`<tr><td>${date(x.period?.start)}</td><td>${x.serviceProvider?.identifier?.value ?? x.serviceProvider?.display ?? "–"}</td><td>${x.reasonCode?.[0]?.text ?? "–"}</td></tr>`;
      })}</tbody>
    </table>`;
  }

  // ---- who looked at my records

  private auditView(): TemplateResult {
    const l = this.audit;
    const page = l.data;
    const filters = html`<form class="panel" @change=${(e: Event) => {
        const f = new FormData(e.currentTarget as HTMLFormElement);
        this.filter = { outcome: String(f.get("outcome")), kind: String(f.get("kind")) };
      }} @submit=${(e: Event) => e.preventDefault()}>
      <label for="f-outcome">${t({ vi: "Kết quả", en: "Outcome" })}</label>
      <select id="f-outcome" name="outcome">
        <option value="all" ?selected=${this.filter.outcome === "all"}>${t({ vi: "Tất cả", en: "All" })}</option>
        <option value="allowed" ?selected=${this.filter.outcome === "allowed"}>${t({ vi: "Được phép", en: "Allowed" })}</option>
        <option value="refused" ?selected=${this.filter.outcome === "refused"}>${t({ vi: "Bị từ chối", en: "Refused" })}</option>
      </select>
      <label for="f-kind">${t({ vi: "Loại", en: "Kind" })}</label>
      <select id="f-kind" name="kind">
        <option value="all" ?selected=${this.filter.kind === "all"}>${t({ vi: "Tất cả", en: "All" })}</option>
        <option value="data" ?selected=${this.filter.kind === "data"}>${t({ vi: "Truy cập dữ liệu", en: "Data access" })}</option>
        <option value="login" ?selected=${this.filter.kind === "login"}>${t({ vi: "Đăng nhập", en: "Sign-ins" })}</option>
        <option value="others" ?selected=${this.filter.kind === "others"}>${t({ vi: "Người khác, không phải tôi", en: "Others, not me" })}</option>
      </select>
      <p class="hint">${t({ vi: "Bộ lọc áp dụng cho trang đang xem.", en: "Filters apply to the page shown." })}</p>
    </form>`;
    if (l.state === "error") return html`${filters}${this.error(l.error)}`;
    if (!page) return html`${filters}${this.loading()}`;
    const shown = page.events.filter((e) => this.keep(e as Any));
    const pageNo = page.pages.length;
    return html`${filters}
      <p role="status" aria-live="polite">${l.state === "loading" ? t({ vi: "Đang tải…", en: "Loading…" }) : html`${t({ vi: "Tổng số mục", en: "Entries in all" })}: ${page.total ?? "–"} · ${t({ vi: "trang", en: "page" })} ${pageNo}`}</p>
      <ol class="timeline" data-testid="timeline">${shown.map((e) => this.auditItem(e as Any))}</ol>
      ${shown.length === 0 ? html`<p>${t({ vi: "Không có mục nào khớp bộ lọc.", en: "No entry matches the filters." })}</p>` : nothing}
      <div class="actions">
        <button type="button" ?disabled=${pageNo <= 1} @click=${() => {
          const pages = page.pages.slice(0, -2);
          this.loadAudit(page.pages[pageNo - 2], pages);
        }}>${t({ vi: "Trang trước", en: "Previous page" })}</button>
        <button type="button" ?disabled=${!page.next} @click=${() => this.loadAudit(page.next!, page.pages)}>${t({ vi: "Trang sau", en: "Next page" })}</button>
        <button type="button" @click=${() => this.load("audit", true)}>${t({ vi: "Tải lại", en: "Refresh" })}</button>
      </div>`;
  }

  private keep(e: Any): boolean {
    const allowed = e.outcome === "0";
    if (this.filter.outcome === "allowed" && !allowed) return false;
    if (this.filter.outcome === "refused" && allowed) return false;
    const login = e.type?.code === "110114";
    if (this.filter.kind === "data" && login) return false;
    if (this.filter.kind === "login" && !login) return false;
    if (this.filter.kind === "others" && (this.client(e) === CLIENT_ID || this.client(e) === "patient-portal")) return false;
    return true;
  }

  private client(e: Any): string | undefined {
    return e.agent?.find((a: Any) => a.type?.coding?.[0]?.code === "110150")?.who?.identifier?.value;
  }

  private auditItem(e: Any): TemplateResult {
    const allowed = e.outcome === "0";
    const user = e.agent?.find((a: Any) => a.type?.coding?.[0]?.code === "IRCP")?.who;
    const me = user?.reference === "Patient/" + this.patient;
    const client = this.client(e);
    const clientName = words(CLIENTS, client);
    // The clinic's staff member behind the request (the reception clerk), named by the bridge only from their verified
    // token (docs/audit-and-consent.md): "humanuser" agent, their Practitioner reference or user id, their name.
    const staff = e.agent?.find((a: Any) => a.type?.coding?.[0]?.code === "humanuser")?.who;
    const staffId: string | undefined = staff?.reference ?? staff?.identifier?.value;
    const staffName = staff?.display ? html`${staff.display}` : staffId ? html`<code>${staffId}</code>` : undefined;
    const action = words(ACTIONS, e.subtype?.[0]?.code);
    const entityType = e.entity?.find((x: Any) => x.type)?.type?.code ?? e.entity?.[0]?.what?.reference?.split("/")[0];
    const thing = words(TYPES, entityType);
    const purpose = words(PURPOSES, e.purposeOfEvent?.[0]?.coding?.[0]?.code);
    // A clinic holding the card read at its desk acts with the citizen's own (chip-present) token: say so.
    const atClinic = me && client !== undefined && client.startsWith("clinic-");
    const whoText = atClinic
      ? t({ vi: "Phòng khám, với thẻ CCCD của bạn", en: "A clinic, with your CCCD card" })
      : me
      ? t({ vi: "Bạn", en: "You" })
      : user?.identifier?.value ?? (client ? t({ vi: "Ứng dụng", en: "An app" }) : t({ vi: "Không rõ", en: "Unknown" }));
    return html`<li class=${allowed ? "" : "refused"} data-client=${client ?? ""} data-staff=${staffId ?? nothing} data-outcome=${e.outcome}>
      <div class="when"><time datetime=${e.recorded}>${dateTime(e.recorded)}</time></div>
      <div><strong>${whoText}</strong>
        ${clientName ? html` · ${t(clientName)}` : client ? html` · <code>${client}</code>` : nothing}
        ${staffName ? html` · <span class="staff">${t({ vi: "nhân viên", en: "staff member" })} ${staffName}</span>` : nothing}</div>
      <div>${action ? t(action) : e.subtype?.[0]?.code ?? "–"} ${thing ? t(thing) : entityType ?? ""}
        ${purpose ? html` · ${t({ vi: "mục đích", en: "purpose" })}: ${t(purpose)}` : nothing}</div>
      <div class=${allowed ? "verdict-ok" : "verdict-bad"}>
        ${allowed ? t({ vi: "Được phép", en: "Allowed" }) : t({ vi: "Bị từ chối", en: "Refused" })}
        ${!allowed && e.outcomeDesc ? html` (<code>${e.outcomeDesc}</code>)` : nothing}
      </div>
    </li>`;
  }

  // ---- telehealth appointments

  private appointmentsView(): TemplateResult {
    const l = this.appointments;
    const list =
      l.state === "loading" || l.state === "idle"
        ? this.loading()
        : l.state === "error"
          ? this.error(l.error)
          : (l.data ?? []).length === 0
            ? html`<p>${t({ vi: "Bạn chưa có lịch hẹn nào.", en: "You have no appointments." })}</p>`
            : html`<ul class="timeline" data-testid="appointments" style="list-style:none;padding:0">${(l.data ?? []).map((a) => this.appointmentItem(a as Any))}</ul>`;
    const soon = new Date(Date.now() + 5 * 60_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().substring(0, 16);
    return html`${list}
      <section class="panel" aria-labelledby="book-title">
        <h2 id="book-title">${t({ vi: "Đặt lịch khám từ xa", en: "Book a telehealth visit" })}</h2>
        <form id="book-form" @submit=${this.book}>
          <label for="start">${t({ vi: "Thời gian bắt đầu", en: "Start" })}</label>
          <input id="start" name="start" type="datetime-local" required .value=${local} />
          <label for="minutes">${t({ vi: "Thời lượng", en: "Length" })}</label>
          <select id="minutes" name="minutes">
            <option value="15">15 ${t({ vi: "phút", en: "minutes" })}</option>
            <option value="30" selected>30 ${t({ vi: "phút", en: "minutes" })}</option>
          </select>
          <label for="reason">${t({ vi: "Lý do khám", en: "Reason" })} <span class="hint">${t({ vi: "Không bắt buộc", en: "Optional" })}</span></label>
          <input id="reason" name="reason" maxlength="200" />
          <div class="actions"><button class="primary" type="submit" id="book">${t({ vi: "Đặt lịch", en: "Book" })}</button></div>
        </form>
      </section>`;
  }

  private appointmentItem(a: Any): TemplateResult {
    const status: Record<string, Words> = {
      proposed: { vi: "Chờ bác sĩ nhận", en: "Waiting for a doctor" },
      booked: { vi: "Đã xác nhận", en: "Confirmed" },
      arrived: { vi: "Đang diễn ra", en: "In progress" },
      fulfilled: { vi: "Đã xong", en: "Done" },
      cancelled: { vi: "Đã huỷ", en: "Cancelled" },
      noshow: { vi: "Vắng mặt", en: "Missed" },
    };
    const joinable = a.status === "booked" || a.status === "arrived";
    const joined = this.joined[a.id];
    return html`<li data-id=${a.id} data-status=${a.status}>
      <div class="when">${dateTime(a.start)} – ${dateTime(a.end)}</div>
      <div><strong>${status[a.status] ? t(status[a.status]) : a.status}</strong>${a.description ? html` · ${a.description}` : nothing}</div>
      ${joinable
        ? html`<div class="actions"><button type="button" class="primary" data-join=${a.id} @click=${() => this.join(a.id)}>${t({ vi: "Vào phòng khám", en: "Join" })}</button></div>`
        : nothing}
      ${joined
        ? html`<p role="status" data-testid="joined">${t({ vi: "Đã vào phòng. Mở phòng gọi video:", en: "You joined. Open the video room:" })}
            <a href=${joined.sessionUrl} rel="noopener">${t({ vi: "phòng khám trực tuyến", en: "the video room" })}</a>
            (${t({ vi: "vé hết hạn", en: "ticket expires" })} ${dateTime(joined.expires)})</p>`
        : nothing}
    </li>`;
  }

  private book = async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const start = new Date(String(f.get("start")));
    const end = new Date(start.getTime() + Number(f.get("minutes")) * 60_000);
    const reason = String(f.get("reason") ?? "").trim();
    try {
      await fhir(this.base + "/Appointment", this.session!.accessToken, {
        method: "POST",
        body: {
          resourceType: "Appointment",
          status: "proposed",
          serviceType: [{ coding: [{ system: "https://healthid.vn/fhir/CodeSystem/service-type", code: "teleconsultation" }] }],
          start: start.toISOString(),
          end: end.toISOString(),
          ...(reason ? { description: reason } : {}),
          participant: [{ actor: { reference: "Patient/" + this.patient }, status: "accepted" }],
        },
      });
      this.notice = { cls: "ok", text: t({ vi: "Đã đặt lịch. Bác sĩ sẽ xác nhận.", en: "Booked. A doctor will confirm it." }) };
      this.load("appointments", true);
    } catch (e) {
      this.handle(e, { vi: "Đặt lịch cần xác thực mức 2 trở lên.", en: "Booking needs level 2 or higher." });
    }
  };

  private async join(id: string) {
    try {
      const p = await fhir<Resource>(`${this.base}/Appointment/${id}/$join`, this.session!.accessToken, {
        method: "POST",
        body: { resourceType: "Parameters" },
      });
      const value = (name: string) => {
        const x = ((p as Any).parameter ?? []).find((q: Any) => q.name === name);
        return x?.valueUrl ?? x?.valueString ?? x?.valueInstant ?? x?.valueUri;
      };
      this.joined = { ...this.joined, [id]: { sessionUrl: value("sessionUrl"), expires: value("expires") } };
      this.load("appointments", true);
    } catch (e) {
      if (e instanceof FhirError && (e.has("JOIN_TOO_EARLY") || e.has("JOIN_WINDOW_CLOSED"))) {
        this.notice = { cls: "warn", text: t({ vi: "Chưa đến giờ vào phòng hoặc đã hết giờ.", en: "The room is not open now." }) + " " + e.text };
        return;
      }
      this.handle(e, { vi: "Vào phòng khám cần xác thực mạnh hơn.", en: "Joining needs a stronger sign-in." });
    }
  }

  // ---- consents

  private consentsView(): TemplateResult {
    const l = this.consents;
    const today = new Date().toISOString().substring(0, 10);
    const month = new Date(Date.now() + 30 * 86_400_000).toISOString().substring(0, 10);
    const list =
      l.state === "loading" || l.state === "idle"
        ? this.loading()
        : l.state === "error"
          ? this.error(l.error)
          : (l.data ?? []).length === 0
            ? html`<p>${t({ vi: "Bạn chưa cho phép ai.", en: "You have not given any consent." })}</p>`
            : html`<ul class="timeline" data-testid="consents" style="list-style:none;padding:0">${(l.data ?? []).map((c) => this.consentItem(c as Any))}</ul>`;
    return html`${list}
      <section class="panel" aria-labelledby="grant-title">
        <h2 id="grant-title">${t({ vi: "Cho phép một phòng khám", en: "Give a clinic consent" })}</h2>
        <p class="muted">${t({ vi: "Cần xác thực bằng thẻ CCCD trong 10 phút gần nhất.", en: "Needs a card sign-in within the last 10 minutes." })}</p>
        <form id="grant-form" @submit=${this.grant}>
          <label for="clinic">${t({ vi: "Phòng khám", en: "Clinic" })}</label>
          <select id="clinic" name="clinic">
            <option value="clinic-reception">${t(CLIENTS["clinic-reception"])}</option>
            <option value="clinic-workstation">${t(CLIENTS["clinic-workstation"])}</option>
          </select>
          <label for="purpose">${t({ vi: "Mục đích", en: "Purpose" })}</label>
          <select id="purpose" name="purpose">
            <option value="TREAT">${t(PURPOSES.TREAT)}</option>
            <option value="HPAYMT">${t(PURPOSES.HPAYMT)}</option>
          </select>
          <label for="from">${t({ vi: "Từ ngày", en: "From" })}</label>
          <input id="from" name="from" type="date" required .value=${today} />
          <label for="to">${t({ vi: "Đến ngày", en: "Until" })}</label>
          <input id="to" name="to" type="date" required .value=${month} />
          <div class="actions"><button class="primary" type="submit" id="grant">${t({ vi: "Cho phép", en: "Give consent" })}</button></div>
        </form>
      </section>`;
  }

  private consentItem(c: Any): TemplateResult {
    const actor = c.provision?.actor?.[0]?.reference?.identifier?.value;
    const purpose = c.provision?.purpose?.[0]?.code;
    const active = c.status === "active";
    return html`<li class=${active ? "" : "refused"} data-id=${c.id} data-status=${c.status}>
      <div><strong>${actor && CLIENTS[actor] ? t(CLIENTS[actor]) : actor ?? "–"}</strong> · ${purpose && PURPOSES[purpose] ? t(PURPOSES[purpose]) : purpose ?? ""}</div>
      <div class="when">${date(c.provision?.period?.start)} – ${date(c.provision?.period?.end)}</div>
      <div class=${active ? "verdict-ok" : "verdict-bad"}>${active ? t({ vi: "Đang có hiệu lực", en: "Active" }) : t({ vi: "Đã thu hồi", en: "Revoked" })}</div>
      ${active
        ? html`<div class="actions"><button type="button" data-revoke=${c.id} @click=${() => this.revoke(c)}>${t({ vi: "Thu hồi", en: "Revoke" })}</button></div>`
        : nothing}
    </li>`;
  }

  private grant = async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const startOf = (d: string) => new Date(d + "T00:00:00+07:00").toISOString();
    try {
      await fhir(this.base + "/Consent", this.session!.accessToken, {
        method: "POST",
        body: {
          resourceType: "Consent",
          status: "active",
          scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
          category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
          provision: {
            period: { start: startOf(String(f.get("from"))), end: startOf(String(f.get("to"))) },
            actor: [
              {
                role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] },
                reference: { identifier: { system: "https://healthid.vn/fhir/sid/client-id", value: String(f.get("clinic")) } },
              },
            ],
            purpose: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: String(f.get("purpose")) }],
          },
        },
      });
      this.notice = { cls: "ok", text: t({ vi: "Đã cho phép.", en: "Consent given." }) };
      this.load("consents", true);
    } catch (e) {
      this.handle(e, { vi: "Cho phép chia sẻ cần xác thực lại bằng thẻ CCCD (mức 3).", en: "Giving consent needs a fresh card sign-in (level 3)." });
    }
  };

  private async revoke(c: Any) {
    try {
      await fhir(`${this.base}/Consent/${c.id}`, this.session!.accessToken, {
        method: "PUT",
        body: { ...c, status: "inactive" },
      });
      this.notice = { cls: "ok", text: t({ vi: "Đã thu hồi.", en: "Consent revoked." }) };
      this.load("consents", true);
    } catch (e) {
      this.handle(e, { vi: "Thu hồi cần xác thực lại bằng thẻ CCCD (mức 3).", en: "Revoking needs a fresh card sign-in (level 3)." });
    }
  }
}

void level;
customElements.define("hid-records-app", RecordsApp);
