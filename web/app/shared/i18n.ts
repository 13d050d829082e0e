/** Vietnamese first, English second. The choice is kept in localStorage and set on <html lang>. */
export type Lang = "vi" | "en";

const KEY = "healthid.lang";
const listeners = new Set<() => void>();

export function lang(): Lang {
  return localStorage.getItem(KEY) === "en" ? "en" : "vi";
}

export function setLang(next: Lang): void {
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A pair of words; `t` picks the current language. */
export type Words = { vi: string; en: string };

export function t(words: Words): string {
  return words[lang()];
}

/** Dates and times as a person in Vietnam reads them, whatever the browser's time zone. */
export function dateTime(iso: string | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang() === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(d);
}

export function date(iso: string | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso.length === 10 ? iso + "T00:00:00+07:00" : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang() === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(d);
}

/** "5 phút trước" / "5 minutes ago". */
export function age(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "–";
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const rtf = new Intl.RelativeTimeFormat(lang() === "vi" ? "vi" : "en", { numeric: "auto" });
  if (seconds < 60) return rtf.format(-seconds, "second");
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), "minute");
  if (seconds < 86400) return rtf.format(-Math.round(seconds / 3600), "hour");
  return rtf.format(-Math.round(seconds / 86400), "day");
}
