// The web server the end-to-end tests run against: Debian's nginx with Spiegel's shipped
// configuration (deploy/nginx/spiegel-http.conf and spiegel-server.conf, unchanged),
// serving dist/ with its .br and .gz copies, exactly as a school would put it online.
// Only the parts a school changes are the test's own: a free port on 127.0.0.1 over plain
// HTTP (a secure context for the browser, so the service worker runs) and the root folder.
//
// One nginx per test file, in the foreground as a child of the test process (no master,
// no daemon), with its files in a temporary folder; it is stopped when the tests end, and
// also if the test process exits early.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NGINX_CONF_DIR = path.join(ROOT, 'deploy', 'nginx');
const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const MIME_TYPES = '/etc/nginx/mime.types';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port, child, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`nginx stopped (exit ${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

/** The test's nginx.conf: Debian's types and module, Spiegel's two files, a local port. */
export function testConfig({ dir, port, root }) {
  return `
load_module ${BROTLI_MODULE};
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    log_format spiegel_test '$request_uri $body_bytes_sent';
    access_log ${dir}/access.log spiegel_test;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    sendfile on;
    include ${NGINX_CONF_DIR}/spiegel-http.conf;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${root};
        include ${NGINX_CONF_DIR}/spiegel-server.conf;
    }
}
`;
}

/**
 * The shipped example site (deploy/nginx/site.conf) as a school would install it, with
 * only what a school changes: the addresses (free ports on 127.0.0.1), a certificate
 * (self-signed, made with openssl for the test), the folder and where the two Spiegel
 * files are. Returns the test's nginx.conf.
 */
function siteConfig({ dir, http, https, root }) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=spiegel.example.nl',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const site = readFileSync(path.join(NGINX_CONF_DIR, 'site.conf'), 'utf8')
    .replaceAll('/etc/nginx/spiegel/', `${NGINX_CONF_DIR}/`)
    .replace('/etc/letsencrypt/live/spiegel.example.nl/fullchain.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/letsencrypt/live/spiegel.example.nl/privkey.pem', path.join(dir, 'key.pem'))
    .replace(/listen \[::\]:\d+[^;]*;/g, '')
    .replace('listen 80;', `listen 127.0.0.1:${http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${https} ssl http2;`)
    .replace('root /var/www/spiegel;', `root ${root};`);
  writeFileSync(path.join(dir, 'site.conf'), site);
  return testConfig({ dir, port: 0, root }).replace(/    server \{[\s\S]*?\n    \}\n/, `    include ${dir}/site.conf;\n`)
    .replace(`    include ${NGINX_CONF_DIR}/spiegel-http.conf;\n`, '');
}

/** nginx with the example site over HTTPS (see siteConfig): { http, https, close }. */
export async function startSite(root) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spiegel-site-nginx-'));
  const [http, https] = [await freePort(), await freePort()];
  writeFileSync(path.join(dir, 'nginx.conf'), siteConfig({ dir, http, https, root }));
  return run(dir, https, { http, https });
}

/**
 * Starts nginx on a free port serving `root`. Returns { port, origin, url, requests,
 * close }: `requests` lists the request URIs nginx has logged so far.
 */
export async function startNginx(root) {
  for (const file of [NGINX, BROTLI_MODULE, MIME_TYPES]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run make setup-apt (Debian's nginx and libnginx-mod-http-brotli-static)`);
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spiegel-nginx-'));
  const port = await freePort();
  writeFileSync(path.join(dir, 'nginx.conf'), testConfig({ dir, port, root }));
  const server = await run(dir, port, { port });
  const origin = `http://127.0.0.1:${port}`;
  return Object.assign(server, { origin, url: `${origin}/` });
}

/** Checks and starts the nginx of `dir`, waits for `port`; stops it on close. */
async function run(dir, port, fields) {
  writeFileSync(path.join(dir, 'access.log'), '');
  try {
    execFileSync(NGINX, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    throw new Error(`nginx refuses the configuration: ${e.stderr}`);
  }
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  await waitForPort(port, child);
  return {
    ...fields,
    dir,
    /** Request URIs logged so far, oldest first. */
    get requests() {
      return this.log.map((r) => r.uri);
    },
    /** Requests logged so far, oldest first: { uri, bytes } (bytes of the body as sent). */
    get log() {
      return readFileSync(path.join(dir, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const at = line.lastIndexOf(' ');
          return { uri: line.slice(0, at), bytes: Number(line.slice(at + 1)) };
        });
    },
    close: async () => {
      process.removeListener('exit', stop);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
