// The fixture world behind a real HTTPS server on 127.0.0.1. Chromium is pointed at it with
// `--host-resolver-rules` (every host → this server) and trusts its throwaway certificate by
// public key, so the browser behaves as on the web — TLS, its HTTP cache, conditional
// requests (ETag, If-None-Match, 304) — and the bytes on the wire can be counted. Nothing
// leaves the machine. (Playwright's routing would turn the HTTP cache off, and could only
// catch the extension's first requests if it were set up before the extension starts.)
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { answer } from './world.mjs';

/** A self-signed certificate made for this run (openssl), so no key lives in the repository. */
async function throwawayCertificate() {
  const dir = await mkdtemp(join(tmpdir(), 'aor-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = await readFile(join(dir, 'key.pem'));
    // The SPKI hash Chromium's --ignore-certificate-errors-spki-list takes: base64 SHA-256 of
    // the public key. Unlike --ignore-certificate-errors, it leaves no certificate error on
    // the response, so the HTTP cache keeps what the server sends.
    const spki = createHash('sha256')
      .update(createPublicKey(key).export({ type: 'spki', format: 'der' }))
      .digest('base64');
    return { key, cert: await readFile(join(dir, 'cert.pem')), spki };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the server. Each status-page answer carries an ETag and `Cache-Control: no-cache`
 * (store, but ask again), as status pages commonly do, unless `state.etags` is false; a
 * request whose If-None-Match matches gets a 304 with no body. `wire` logs every exchange
 * with the bytes it cost: request line and headers, response status line, headers and body.
 */
export async function startHttpsWorld(state) {
  const wire = [];
  const { key, cert, spki } = await throwawayCertificate();
  const server = createServer({ key, cert }, async (request, response) => {
    const href = `https://${request.headers.host}${request.url}`;
    const found = await answer(state, href).catch(() => null);
    if (!found) {
      // A host this world does not serve: refused, as an unreachable one would be.
      request.socket.destroy();
      return;
    }
    const headers = { 'content-type': found.contentType, ...found.headers };
    let status = found.status;
    let body = found.body ?? '';
    if (found.kind === 'status' && status === 200 && state.etags !== false) {
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      Object.assign(headers, { etag, 'cache-control': 'no-cache' });
      if (request.headers['if-none-match'] === etag) {
        status = 304;
        body = '';
      }
    } else {
      headers['cache-control'] = 'no-store';
    }
    response.writeHead(status, headers).end(body);
    const requestBytes =
      `${request.method} ${request.url} HTTP/1.1\r\n`.length +
      // "Name: value\r\n": each name and each value comes with two more bytes.
      request.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) +
      2;
    const responseBytes =
      `HTTP/1.1 ${status} X\r\n`.length +
      Object.entries(response.getHeaders()).reduce(
        (sum, [name, value]) => sum + name.length + String(value).length + 4,
        0,
      ) +
      2 +
      Buffer.byteLength(body);
    // What the body would weigh gzipped, for the bench's estimate of a compressing server: the
    // world answers uncompressed, as the fixtures are stored.
    const bodyBytes = Buffer.byteLength(body);
    const gzipBodyBytes = found.kind === 'status' && bodyBytes ? gzipSync(body).length : bodyBytes;
    wire.push({
      href,
      kind: found.kind,
      status,
      requestBytes,
      responseBytes,
      bodyBytes,
      gzipBodyBytes,
      at: Date.now(),
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    wire,
    /** Chromium flags that send every host to this server and accept its certificate. */
    chromiumArgs: [
      `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
    /**
     * Ends the connections browsers keep open, so the next requests connect afresh, as they do
     * 20 minutes after the last (tests/bench/wake.mjs).
     */
    dropConnections: () => server.closeAllConnections(),
    // Connections a browser left open (keep-alive, or a request still being answered) would
    // hold close() back for as long as they last: they end with the server.
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/**
 * An HTTP proxy in front of the server at `port`, for a browser that cannot map host names
 * itself (Firefox: its manual-proxy prefs, `firefoxPrefs`, send every request here). Every
 * CONNECT, whatever host it names, is tunnelled to the server, which answers as that host
 * or refuses it; a plain-HTTP request is refused. So nothing the browser asks for leaves the
 * machine. `tunnels` lists the hosts asked for, in order.
 */
export async function startConnectProxy(port) {
  const tunnels = [];
  const sockets = new Set();
  const proxy = createHttpServer((request) => request.socket.destroy());
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (request, client, head) => {
    tunnels.push(request.url);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = proxy.address().port;
  return {
    port: proxyPort,
    tunnels,
    /** Firefox prefs that send every request, localhost's too, through this proxy. */
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(resolve);
      }),
  };
}
