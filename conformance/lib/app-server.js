// The SMART app's origin (http://localhost:<appPort>): serves fhirclient's browser build, the launch and app pages,
// and records every redirect it receives (openid-client's callback and logout landing).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from './config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = {
  '/fhir-client.js': path.join(here, '..', 'node_modules', 'fhirclient', 'build', 'fhir-client.js'),
  '/launch.html': path.join(here, '..', 'public', 'launch.html'),
  '/app.html': path.join(here, '..', 'public', 'app.html'),
};

export async function startAppServer() {
  const received = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, config.appOrigin);
    const file = files[url.pathname];
    if (file) {
      response.writeHead(200, {
        'Content-Type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      fs.createReadStream(file).pipe(response);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(404);
      response.end();
      return;
    }
    received.push(url.href);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>landed</title><p id="landed">${url.pathname}</p>`);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.appPort, 'localhost', resolve);
  });
  return {
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
