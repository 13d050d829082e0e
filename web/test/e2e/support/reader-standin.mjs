// A stand-in for the desk reader's serve mode (`cccd-reader serve`, CONTRACT: POST /v1/read), for the e2e suite
// while the reader module has no serve mode: the "chip" is a sandbox card file, chosen by the card number the
// clerk typed, and opened only when the date of birth and expiry match (as BAC would). Then it does what the real
// reader does with the clinic's secret: challenge, bundle, chip grant. When the page sends the clerk's token, it
// also exchanges it (RFC 8693, Keycloak's standard token exchange) for the clerk's token at the clinic's client,
// so the bridge sees the officer (hoTenCb/cccdCb) as it does for the clinic's own software.
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, yymmdd } from "./cards.mjs";
import { cardsDir, clinic, realmUrl } from "./env.mjs";

const CHIP_GRANT = "urn:vn:healthid:params:oauth:grant-type:cccd-chip";
const SCOPE = "openid patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c patient/Encounter.rs";

const errors = {
  ACCESS_CONTROL_FAILED: ["Sai ngày sinh hoặc ngày hết hạn của thẻ: không mở được chip", "wrong date of birth or expiry for this card: access control failed"],
  NO_CARD: ["Không có thẻ trên đầu đọc", "no card on the reader"],
  CARD_REMOVED: ["Thẻ bị nhấc ra khi đang đọc", "card removed while reading"],
  SERVER_REFUSED: ["healthid không chấp nhận thẻ", "healthid refused the card"],
  USAGE: ["Yêu cầu không hợp lệ", "invalid request"],
};

function fail(res, status, code, origin) {
  const [vi, en] = errors[code];
  reply(res, status, { error: { code, message_vi: vi, message_en: en } }, origin);
}

function reply(res, status, body, origin) {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    ...(origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {}),
  });
  res.end(JSON.stringify(body));
}

async function form(url, fields) {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
  return { status: r.status, body: await r.json().catch(() => ({})) };
}

function findCard(number) {
  for (const name of readdirSync(cardsDir)) {
    if (!name.endsWith(".card.json")) continue;
    const file = join(cardsDir, name);
    const citizen = JSON.parse(readFileSync(file, "utf8")).citizen;
    if (citizen.number === number) return { file, citizen };
  }
  return undefined;
}

/** Starts the stand-in on 127.0.0.1:port, answering CORS only for `allowedOrigin` (the reader's allow-list). */
export function startReader(port, allowedOrigin, options = {}) {
  const state = { removeNext: false, reads: 0 };
  const server = createServer(async (req, res) => {
    const origin = req.headers.origin === allowedOrigin ? allowedOrigin : undefined;
    if (req.headers.origin && !origin) return fail(res, 403, "USAGE");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": allowedOrigin,
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "Content-Type, Authorization",
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
      });
      return res.end();
    }
    if (req.method !== "POST" || req.url !== "/v1/read") return fail(res, 404, "USAGE", origin);
    let raw = "";
    for await (const chunk of req) raw += chunk;
    let input;
    try {
      input = JSON.parse(raw);
    } catch {
      return fail(res, 400, "USAGE", origin);
    }
    state.reads++;
    const mrz = input.mrz ?? {};
    const found = findCard(String(mrz.number ?? ""));
    if (!found) return fail(res, 422, "NO_CARD", origin);
    if (mrz.birth !== yymmdd(found.citizen.dateOfBirth) || mrz.expiry !== yymmdd(found.citizen.dateOfExpiry)) {
      return fail(res, 422, "ACCESS_CONTROL_FAILED", origin);
    }
    if (state.removeNext) {
      state.removeNext = false;
      return fail(res, 422, "CARD_REMOVED", origin);
    }
    const challenge = await form(`${realmUrl}/cccd/challenge`, { client_id: clinic.id, client_secret: clinic.secret });
    const chip = await bundle(found.file, challenge.body.challenge);
    const grant = await form(`${realmUrl}/protocol/openid-connect/token`, {
      grant_type: CHIP_GRANT,
      client_id: clinic.id,
      client_secret: clinic.secret,
      chip_bundle: chip,
      scope: SCOPE,
    });
    if (grant.status !== 200) return fail(res, 422, "SERVER_REFUSED", origin);
    const payload = JSON.parse(Buffer.from(grant.body.access_token.split(".")[1], "base64url").toString("utf8"));
    const answer = {
      access_token: grant.body.access_token,
      expires_in: grant.body.expires_in,
      patient: payload.fhirUser,
      card: {
        number: found.citizen.number.substring(0, 4) + "******" + found.citizen.number.substring(10),
        expiry: found.citizen.dateOfExpiry ?? null,
      },
    };
    const clerk = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (clerk && options.exchange !== false) {
      const exchanged = await form(`${realmUrl}/protocol/openid-connect/token`, {
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        client_id: clinic.id,
        client_secret: clinic.secret,
        subject_token: clerk,
        subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
        requested_token_type: "urn:ietf:params:oauth:token-type:access_token",
        scope: "openid",
      });
      if (exchanged.status === 200) answer.staff_token = exchanged.body.access_token;
      else {
        state.exchangeError = exchanged.body;
        console.log("# reader stand-in: the token exchange was refused: " + JSON.stringify(exchanged.body));
      }
    }
    reply(res, 200, answer, origin);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ state, close: () => new Promise((r) => server.close(r)) })),
  );
}
