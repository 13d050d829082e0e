import { html, LitElement, nothing, type TemplateResult } from "lit";
import { config, type WebConfig } from "../shared/config";
import { eligibility, type Eligibility } from "../shared/coverage";
import { fhir, FhirError, resources, type Bundle, type Resource } from "../shared/fhir";
import { age, date, dateTime, lang, onLangChange, t, type Words } from "../shared/i18n";
import { bar } from "../shared/shell";
import { hasSession, level, resume, signIn, signOut, type Session } from "../shared/smart";
import { BRIDGE_ADVICE, GENERIC, READER_ADVICE, type Advice } from "./messages";
import { readCard, ReaderError, yymmdd, type ReadAnswer } from "./reader";

const CLIENT_ID = "reception-desk";
/** The clerk's own token carries no patient scope: it is the officer's proof beside the citizen's token. */
const SCOPE = "openid fhirUser profile";
const APP: Words = { vi: "Quầy tiếp đón · healthid", en: "Reception desk · healthid" };

type Problem = { advice: Advice; code: string; detail?: string };
type Result = { card: ReadAnswer; person?: Resource; answer: Eligibility; checkedAt: string; readerMs: number; ms: number };

class ReceptionApp extends LitElement {
  static properties = {
    session: { state: true },
    busy: { state: true },
    result: { state: true },
    problem: { state: true },
    history: { state: true },
    loginFailed: { state: true },
  };

  declare session: Session | undefined;
  declare busy: string | undefined;
  declare result: Result | undefined;
  declare problem: Problem | undefined;
  declare history: Resource[] | undefined;
  declare loginFailed: string | undefined;
  private cfg: WebConfig | undefined;
  private card: ReadAnswer | undefined;

  constructor() {
    super();
    onLangChange(() => this.requestUpdate());
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
      } catch (e) {
        this.loginFailed = String((e as Error).message ?? e);
      }
    }
  }

  render(): TemplateResult {
    const s = this.session;
    const who = s
      ? html`${s.name ?? s.fhirUser} · ${t({ vi: "mức xác thực", en: "level" })} ${level(s.acr)}`
      : undefined;
    return html`${bar(APP, who, s ? () => signOut(s, "/reception/") : undefined)}
      <main id="main" tabindex="-1">${s ? this.desk() : this.login()}</main>`;
  }

  private login(): TemplateResult {
    return html`<h1>${t({ vi: "Quầy tiếp đón", en: "Reception desk" })}</h1>
      <section class="panel">
        <p>
          ${t({
            vi: "Nhân viên đăng nhập bằng tài khoản của phòng khám, mật khẩu và mã OTP (mức 2).",
            en: "Staff sign in with the clinic account, password and OTP code (level 2).",
          })}
        </p>
        ${this.loginFailed
          ? html`<div class="status bad" role="alert">
              <strong>${t({ vi: "Đăng nhập không thành công", en: "Sign-in failed" })}</strong>
              <p>${this.loginFailed}</p>
            </div>`
          : nothing}
        <div class="actions">
          <button class="primary" id="sign-in" type="button" @click=${() => signIn(CLIENT_ID, SCOPE, "/reception/")}>
            ${t({ vi: "Đăng nhập", en: "Sign in" })}
          </button>
        </div>
      </section>`;
  }

  private desk(): TemplateResult {
    return html`<h1>${t({ vi: "Kiểm tra thẻ BHYT qua thẻ CCCD", en: "Insurance check from the CCCD card" })}</h1>
      <section class="panel" aria-labelledby="read-title">
        <h2 id="read-title">${t({ vi: "Đọc thẻ", en: "Read card" })}</h2>
        <p class="muted">
          ${t({
            vi: "Đặt thẻ CCCD gắn chip lên đầu đọc. Nhập số thẻ, ngày sinh, ngày hết hạn in trên thẻ (để mở chip).",
            en: "Put the chip CCCD card on the reader. Enter the number, date of birth and expiry printed on it (they open the chip).",
          })}
        </p>
        <form id="read-form" @submit=${this.read}>
          <label for="number">${t({ vi: "Số CCCD (12 chữ số)", en: "CCCD number (12 digits)" })}</label>
          <input id="number" name="number" inputmode="numeric" autocomplete="off" pattern="[0-9]{12}" required maxlength="12" />
          <label for="birth">${t({ vi: "Ngày sinh", en: "Date of birth" })}</label>
          <input id="birth" name="birth" type="date" required />
          <label for="expiry">${t({ vi: "Có giá trị đến", en: "Valid until" })}
            <span class="hint">${t({ vi: "Để trống nếu thẻ không thời hạn", en: "Leave empty for a card without expiry" })}</span>
          </label>
          <input id="expiry" name="expiry" type="date" />
          <div class="actions">
            <button class="primary" id="read-card" type="submit" ?disabled=${!!this.busy}>
              ${t({ vi: "Đọc thẻ", en: "Read card" })}
            </button>
          </div>
        </form>
        <p role="status" aria-live="polite" class="muted">${this.busy ?? ""}</p>
      </section>
      <div id="answer" tabindex="-1">${this.problem ? this.problemView(this.problem) : nothing}
        ${this.result ? this.resultView(this.result) : nothing}</div>`;
  }

  private read = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const s = this.session!;
    this.problem = undefined;
    this.result = undefined;
    this.history = undefined;
    this.busy = t({ vi: "Đang đọc thẻ… giữ yên thẻ trên đầu đọc.", en: "Reading the card… keep it still on the reader." });
    const started = performance.now();
    try {
      this.card = await readCard(
        this.cfg!.readerUrl,
        {
          mrz: {
            number: String(form.get("number") ?? ""),
            birth: yymmdd(String(form.get("birth") ?? "")),
            expiry: yymmdd(String(form.get("expiry") ?? "")) || "991231",
          },
        },
        s.accessToken,
      );
    } catch (e) {
      this.fail(e);
      return;
    }
    this.busy = t({ vi: "Đang tra cứu cổng BHYT…", en: "Asking the insurance gateway…" });
    const read = performance.now();
    try {
      // The person as the chip proved them: the clerk compares the name and date of birth with the person.
      const person = await fhir<Resource>(`${this.cfg!.fhirBaseUrl}/${this.card.patient}`, this.card.access_token).catch(
        () => undefined,
      );
      // The reception check is the operation $submit (docs/fhir-api.md): the request in, the response out.
      const response = await fhir<Resource>(
        this.cfg!.fhirBaseUrl + "/CoverageEligibilityRequest/$submit",
        this.card.access_token,
        {
          method: "POST",
          headers: this.staffHeader(this.card),
          body: { resourceType: "Parameters", parameter: [{ name: "resource", resource: this.request(this.card.patient) }] },
        },
      );
      this.result = {
        card: this.card,
        person,
        answer: eligibility(response),
        checkedAt: new Date().toISOString(),
        readerMs: Math.round(read - started),
        ms: Math.round(performance.now() - read),
      };
    } catch (e) {
      this.fail(e);
      return;
    }
    this.busy = undefined;
    await this.updateComplete;
    (this.querySelector("#answer-title") as HTMLElement | null)?.focus();
  };

  /** The clerk as the officer: their token at the clinic's client, which the reader exchanged (the clerk's own
   * reception-desk token is of another client, which the bridge does not take as the clinic's officer). */
  private staffHeader(card: ReadAnswer): Record<string, string> {
    return card.staff_token ? { "X-Staff-Token": card.staff_token } : {};
  }

  private request(patient: string) {
    return {
      resourceType: "CoverageEligibilityRequest",
      status: "active",
      purpose: ["validation", "benefits"],
      patient: { reference: patient },
      created: new Date().toISOString().substring(0, 10),
      insurer: { display: "Vietnam Social Security (BHXH)" },
      facility: { identifier: { system: "urn:vn:bhyt-facility", value: this.cfg!.facility } },
    };
  }

  private async fail(e: unknown) {
    this.busy = undefined;
    if (e instanceof ReaderError) {
      this.problem = {
        // the reader's codes are READER_<code> (reader/README.md, "Errors")
        advice: READER_ADVICE[e.code] ?? READER_ADVICE[e.code.replace(/^READER_/, "")] ?? {
          title: { vi: e.messageVi, en: e.messageEn },
          next: GENERIC.next,
        },
        code: e.code,
        detail: lang() === "vi" ? e.messageVi : e.messageEn,
      };
    } else if (e instanceof FhirError) {
      const code = e.codes.find((c) => BRIDGE_ADVICE[c]) ?? e.codes[e.codes.length - 1];
      this.problem = {
        advice: BRIDGE_ADVICE[code] ?? GENERIC,
        code: [code, e.gatewayCode].filter(Boolean).join(" · "),
        detail: e.text,
      };
    } else {
      this.problem = { advice: GENERIC, code: "UNEXPECTED", detail: String(e) };
    }
    await this.updateComplete;
    (this.querySelector("#answer-title") as HTMLElement | null)?.focus();
  }

  private problemView(p: Problem): TemplateResult {
    return html`<section class="panel" aria-labelledby="answer-title">
      <div class="status bad" role="alert" data-testid="problem">
        <strong class="big" id="answer-title" tabindex="-1">${t(p.advice.title)}</strong>
        ${p.detail ? html`<p>${p.detail}</p>` : nothing}
        <p><strong>${t({ vi: "Bước tiếp theo:", en: "Next step:" })}</strong> ${t(p.advice.next)}</p>
        <p class="muted">${t({ vi: "Mã", en: "Code" })}: <code>${p.code}</code></p>
      </div>
    </section>`;
  }

  private resultView(r: Result): TemplateResult {
    const a = r.answer;
    const insured = a.complete && a.inforce;
    const cls = a.stale ? "warn" : insured ? "ok" : "bad";
    const headline = insured
      ? t({ vi: "Có BHYT hôm nay", en: "Insured today" })
      : t({ vi: "Không có BHYT dùng được hôm nay", en: "Not insured today" });
    const yesNo = (v: boolean | undefined) =>
      v === undefined ? "–" : v ? t({ vi: "Có", en: "Yes" }) : t({ vi: "Không", en: "No" });
    return html`<section class="panel" aria-labelledby="answer-title" data-testid="eligibility" data-insured=${insured}
      data-stale=${a.stale}>
      <div class="status ${cls}">
        <strong class="big" id="answer-title" tabindex="-1">${headline}</strong>
        ${a.stale
          ? html`<p data-testid="stale"><strong>${t({ vi: "Kết quả cũ", en: "Stale answer" })}:</strong>
              ${t({
                vi: "cổng BHYT không trả lời; đây là kết quả lưu lần trước",
                en: "the gateway did not answer; this is the last good answer",
              })}
              (${age(a.fetchedAt)}, ${dateTime(a.fetchedAt)}).</p>`
          : nothing}
        <p lang="vi">${a.code}: ${a.messageVi}</p>
        ${lang() === "en" && a.messageEn ? html`<p>${a.messageEn}</p>` : nothing}
      </div>
      <dl class="facts">
        <dt>${t({ vi: "Người bệnh", en: "Patient" })}</dt><dd data-testid="person">${personName(r.person)}</dd>
        <dt>${t({ vi: "Ngày sinh", en: "Date of birth" })}</dt><dd>${date((r.person as Record<string, any> | undefined)?.birthDate)}</dd>
        <dt>${t({ vi: "Thẻ CCCD", en: "CCCD card" })}</dt><dd>${r.card.card?.number ?? "–"}</dd>
        <dt>${t({ vi: "Mức hưởng", en: "Benefit level" })}</dt><dd>${a.paidPercent !== undefined ? a.paidPercent + "%" : "–"}</dd>
        <dt>${t({ vi: "Đúng nơi đăng ký KCB ban đầu", en: "Registered facility is this clinic" })}</dt>
        <dd>${yesNo(a.atRegisteredFacility)}</dd>
        <dt>${t({ vi: "Thẻ BHYT có giá trị", en: "BHYT card valid" })}</dt><dd>${date(a.validFrom)} – ${date(a.validTo)}</dd>
        <dt>${t({ vi: "Thời điểm đủ 5 năm liên tục", en: "Five years in a row from" })}</dt><dd>${date(a.fiveYearDate)}</dd>
        <dt>${t({ vi: "Mã kết quả cổng BHYT", en: "Gateway result code" })}</dt><dd><code>${a.code ?? "–"}</code></dd>
        <dt>${t({ vi: "Thời gian đọc thẻ / tra cứu", en: "Card read / lookup time" })}</dt>
        <dd data-testid="timing" data-reader-ms=${r.readerMs} data-lookup-ms=${r.ms}>${r.readerMs} ms / ${r.ms} ms</dd>
      </dl>
      <div class="actions">
        <button type="button" id="history" @click=${this.loadHistory}>
          ${t({ vi: "Xem lịch sử khám chữa bệnh", en: "Show treatment history" })}
        </button>
      </div>
      ${this.history ? this.historyView(this.history) : nothing}
    </section>`;
  }

  private loadHistory = async () => {
    const card = this.card!;
    this.busy = t({ vi: "Đang lấy lịch sử khám chữa bệnh…", en: "Fetching the treatment history…" });
    try {
      const bundle = await fhir<Bundle>(`${this.cfg!.fhirBaseUrl}/${card.patient}/$bhyt-history`, card.access_token, {
        headers: this.staffHeader(card),
      });
      this.history = resources(bundle, "Encounter");
      this.busy = undefined;
    } catch (e) {
      this.fail(e);
    }
  };

  private historyView(encounters: Resource[]): TemplateResult {
    if (encounters.length === 0) {
      return html`<p data-testid="history">${t({ vi: "Chưa có lượt khám nào.", en: "No visits recorded." })}</p>`;
    }
    return html`<h3>${t({ vi: "Lịch sử khám chữa bệnh", en: "Treatment history" })}</h3>
      <table data-testid="history">
        <thead><tr>
          <th scope="col">${t({ vi: "Ngày", en: "Date" })}</th>
          <th scope="col">${t({ vi: "Cơ sở", en: "Facility" })}</th>
          <th scope="col">${t({ vi: "Chẩn đoán", en: "Diagnosis" })}</th>
        </tr></thead>
        <tbody>${encounters.map((e) => {
          const x = e as Record<string, any>;
          return html`<tr>
            <td>${date(x.period?.start)}</td>
            <td>${x.serviceProvider?.identifier?.value ?? x.serviceProvider?.display ?? "–"}</td>
            <td>${x.reasonCode?.[0]?.text ?? "–"}</td>
          </tr>`;
        })}</tbody>
      </table>`;
  }
}

/** Family name first, as Vietnamese names are written. */
function personName(patient: Resource | undefined): string {
  const name = (patient as Record<string, any> | undefined)?.name?.[0];
  if (!name) return "–";
  return name.family ? [name.family, ...(name.given ?? [])].join(" ") : (name.text ?? "–");
}

customElements.define("hid-reception-app", ReceptionApp);
