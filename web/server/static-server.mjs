// The web apps' own origin: serves web/dist read-only and /config.json (where the bridge, the realm and the
// desk reader are), with a Content-Security-Policy that lets the pages talk to exactly those. Node's standard
// library only; nothing else runs here (no proxy: the pages call the bridge and Keycloak directly, with CORS).
//
//   node server/static-server.mjs   (settings from the environment, see `settings` below)
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const env = process.env;
const settings = {
  port: Number(env.WEB_PORT ?? 8090),
  bind: env.WEB_BIND ?? "127.0.0.1",
  dist: resolve(env.WEB_DIST ?? join(here, "..", "dist")),
  fhirBaseUrl: env.HEALTHID_FHIR_URL ?? "http://localhost:8081/fhir",
  keycloakUrl: env.HEALTHID_KEYCLOAK_URL ?? "http://localhost:8080",
  readerUrl: env.HEALTHID_READER_URL ?? "http://127.0.0.1:8765",
  facility: env.HEALTHID_FACILITY ?? "79071",
};

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const origin = (url) => new URL(url).origin;
const connect = [...new Set(["'self'", origin(settings.fhirBaseUrl), origin(settings.keycloakUrl), origin(settings.readerUrl)])];
const headers = {
  "Content-Security-Policy": [
    "default-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action 'self' ${origin(settings.keycloakUrl)}`,
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const configJson = JSON.stringify({
  fhirBaseUrl: settings.fhirBaseUrl,
  readerUrl: settings.readerUrl,
  facility: settings.facility,
});

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { ...headers, "Content-Type": type, "Cache-Control": "no-store", ...extra });
  res.end(body);
}

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

const server = createServer(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n", { Allow: "GET, HEAD" });
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    return send(res, 400, "text/plain; charset=utf-8", "bad request\n");
  }
  if (path === "/config.json") return send(res, 200, types[".json"], configJson);
  if (path === "/healthz") return send(res, 200, "text/plain; charset=utf-8", "ok\n");
  if (path === "/reception" || path === "/records") {
    return send(res, 301, "text/plain; charset=utf-8", "", { Location: path + "/" });
  }
  // A path that leaves dist (../, an absolute part, a NUL) is refused before touching the disk.
  const target = normalize(join(settings.dist, path));
  if (path.includes("\0") || (target !== settings.dist && !target.startsWith(settings.dist + sep))) {
    return send(res, 404, "text/plain; charset=utf-8", "not found\n");
  }
  let chosen = target;
  let s = await file(chosen);
  if (!s) {
    chosen = join(target, "index.html");
    s = await file(chosen);
  }
  if (!s) return send(res, 404, "text/plain; charset=utf-8", "not found\n");
  const immutable = chosen.includes(sep + "assets" + sep);
  res.writeHead(200, {
    ...headers,
    "Content-Type": types[extname(chosen)] ?? "application/octet-stream",
    "Content-Length": s.size,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(chosen).pipe(res);
});

server.listen(settings.port, settings.bind, () => {
  console.log(`web: serving ${settings.dist} at http://${settings.bind}:${settings.port}/ (bridge ${settings.fhirBaseUrl})`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
