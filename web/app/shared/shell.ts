import { html, type TemplateResult } from "lit";
import { lang, setLang, t, type Words } from "./i18n";

/** The top bar both apps share: the app's name, who is signed in, the language switch, sign out. */
export function bar(app: Words, who: TemplateResult | string | undefined, signOut?: () => void): TemplateResult {
  return html`<header class="bar">
    <p class="brand">${t(app)}</p>
    ${who ? html`<span class="who">${who}</span>` : ""}
    <span class="lang-switch" role="group" aria-label=${t({ vi: "Ngôn ngữ", en: "Language" })}>
      <button type="button" lang="vi" aria-pressed=${lang() === "vi"} @click=${() => setLang("vi")}>Tiếng Việt</button>
      <button type="button" lang="en" aria-pressed=${lang() === "en"} @click=${() => setLang("en")}>English</button>
    </span>
    ${signOut
      ? html`<button type="button" @click=${signOut}>${t({ vi: "Đăng xuất", en: "Sign out" })}</button>`
      : ""}
  </header>`;
}
