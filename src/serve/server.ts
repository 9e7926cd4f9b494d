// credlint's HTTP service on Node's own http module: a handful of routes, bodies read with a hard size limit,
// every article checked on the pool (never on this thread), and a close() that lets requests in flight finish.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { DETECTORS } from '../detectors/index.js';
import type { LoadedRule } from '../detectors/detector.js';
import { compareBatch } from '../compare/compare.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Gate, Report } from '../types.js';
import { mediaTypeOf, readBodyText, requireUtf8 } from './body.js';
import { checkArticles, gateOf, type Comparer } from './check-requests.js';
import { CompareThread } from './compare-thread.js';
import { applyCors, tokenCheck } from './guard.js';
import { HttpError } from './http-error.js';
import { languagesList, ltResponse, parseLtRequest } from './languagetool.js';
import { Metrics } from './metrics.js';
import { PAGE_CSS, PAGE_HTML } from './page.js';
import { PAGE_SCRIPT } from './page-script.js';
import type { ArticlePool, ServiceRules } from './pool.js';
import { checkQuery, formatFor, QUERY_PARAMS, requestArticles } from './request-articles.js';
import { isSafeFix } from './safe-fixes.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** Configuration and rules, loaded once at start (never from a request). */
  loaded: ServiceRules;
  pool: ArticlePool;
  /** Largest request body read, in bytes (413 beyond). */
  maxBodyBytes: number;
  /** Time one request may spend checking, in ms (503 beyond). */
  timeoutMs: number;
  /** Checking requests allowed to wait beyond those the workers are serving (429 beyond). */
  maxQueue: number;
  /** Bearer token required on every route but /healthz (and the page's static files); null: open. */
  token: string | null;
  /** Origins allowed to call from a browser page elsewhere; empty: no CORS headers at all. */
  corsOrigins: string[];
  log?: (line: string) => void;
  /** false: compare every batch on the HTTP thread (in-process setups). */
  compareThread?: boolean;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting, waits for requests in flight (at most graceMs), then stops the pool. */
  close(graceMs?: number): Promise<void>;
}

/** Batches up to this size are compared on the HTTP thread (a few ms); larger ones on the comparison thread. */
const INLINE_COMPARE_MAX = 8;

export { DEFAULTS } from './defaults.js';
import { DEFAULTS } from './defaults.js';

// The page runs only its own script and styles and talks only to this server.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Handler = (ctx: Ctx) => Promise<void> | void;
interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}
interface Route {
  name: string;
  methods: Record<string, Handler>;
  open?: boolean;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { loaded, pool } = opts;
  const compareOptions = { ...loaded.config.compare, enabled: true };
  const metrics = new Metrics();
  const authorized = tokenCheck(opts.token);
  const ruleById = new Map<string, LoadedRule>(loaded.rules.map((r) => [r.id, r]));
  const rulesJson = JSON.stringify({
    rules: loaded.rules.map(({ prepared: _p, userPatterns: _u, pack, ...r }) => ({ ...r, pack: basename(pack), safeFix: isSafeFix(r) })),
    detectors: [...DETECTORS.values()].map((d) => ({ type: d.type, summary: d.summary })),
  });
  // Small batches compare in a few milliseconds here; large ones go to their own thread so they never stall the
  // HTTP thread. In-process checking (--workers 0) keeps everything on this thread.
  const compareThread = opts.compareThread !== false ? new CompareThread(compareOptions) : null;
  const comparer: Comparer = async (facts, timeoutMs) => (compareThread && facts.length > INLINE_COMPARE_MAX ? compareThread.compare(facts, timeoutMs) : compareBatch(facts, compareOptions));
  let inFlight = 0;
  let checking = 0;
  let closing = false;

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
    if (res.headersSent) return void res.end();
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void =>
    send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`, headers);

  /** Admission to the pool: a bounded number of checking requests at a time, 429 beyond. */
  const admitted = async <T>(work: () => Promise<T>): Promise<T> => {
    if (checking >= pool.size + opts.maxQueue) throw new HttpError(429, `the server is busy (${checking} requests checking or waiting); retry shortly`, { 'retry-after': '1' });
    checking++;
    try {
      return await work();
    } finally {
      checking--;
    }
  };

  const count = (report: Report): void => {
    for (const a of report.articles) metrics.article(a.verdict, a.flags.length);
    if (report.errors.length) metrics.uncheckable(report.errors.length);
  };

  const checkBody = async (ctx: Ctx, mode: 'check' | 'compare'): Promise<void> => {
    const failOn = ctx.url.searchParams.get('failOn');
    if (failOn !== null && failOn !== 'review' && failOn !== 'fail') throw new HttpError(400, `failOn=${failOn}: expected "review" or "fail"`);
    const compareParam = ctx.url.searchParams.get('compare');
    if (compareParam !== null && compareParam !== 'true' && compareParam !== 'false') throw new HttpError(400, `compare=${compareParam}: expected "true" or "false"`);
    const body = await readBodyText(ctx.req, opts.maxBodyBytes);
    const media = mediaTypeOf(ctx.req);
    const { articles, errors } = requestArticles(body, formatFor(media, body), ctx.url.searchParams);
    if (mode === 'compare' && articles.length < 2) throw new HttpError(400, `compare needs two or more articles (a JSON array or JSONL); the request holds ${articles.length}`);
    const compare = mode === 'compare' || (compareParam !== 'false' && loaded.config.compare.enabled);
    const report = await admitted(() => checkArticles(pool, comparer, { articles, errors, compare, budgetMs: opts.timeoutMs }));
    count(report);
    let status = 200;
    const headers: Record<string, string> = {};
    if (failOn) {
      const gate: Gate = gateOf(report, failOn);
      report.gate = gate;
      headers['credlint-gate'] = gate.passed ? 'pass' : 'fail';
      // A failing gate is 422, so `curl --fail-with-body` behaves like `credlint check --fail-on`.
      if (!gate.passed) status = 422;
    }
    json(ctx.res, status, report, headers);
  };

  const ltCheck = async (ctx: Ctx): Promise<void> => {
    const body = await readBodyText(ctx.req, opts.maxBodyBytes);
    const media = mediaTypeOf(ctx.req);
    // Form fields are percent-encoded bytes of the declared charset; only UTF-8 ones decode right.
    requireUtf8(media);
    if (body.trim() !== '' && media.type !== 'application/x-www-form-urlencoded' && media.type !== '') {
      throw new HttpError(415, `send the parameters as application/x-www-form-urlencoded (got "${media.type}")`);
    }
    const params = new URLSearchParams(ctx.url.search);
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
    const lt = parseLtRequest(params);
    if (lt.text.trim() === '') return json(ctx.res, 200, ltResponse(lt, emptyResult(), ruleById));
    const { articles } = requestArticles(lt.text, 'txt', new URLSearchParams({ source: 'v2' }));
    const report = await admitted(() => checkArticles(pool, comparer, { articles, errors: [], compare: false, budgetMs: opts.timeoutMs }));
    count(report);
    const result = report.articles[0];
    if (!result) throw new HttpError(500, report.errors[0]?.message ?? 'the text could not be checked');
    json(ctx.res, 200, ltResponse(lt, result, ruleById));
  };

  /** What credlint reads from a body (the visible text of an HTML page): the page uses it to highlight what was checked. */
  const extract = async (ctx: Ctx): Promise<void> => {
    const body = await readBodyText(ctx.req, opts.maxBodyBytes);
    const format = formatFor(mediaTypeOf(ctx.req), body);
    if (format === 'json' || format === 'jsonl') throw new HttpError(415, 'extract reads one page or text (text/html, text/markdown, text/plain)');
    const [a] = requestArticles(body, format, ctx.url.searchParams).articles;
    json(ctx.res, 200, { title: a!.title, url: a!.url, publishedAt: a!.publishedAt, publishedAtOrigin: a!.publishedAtOrigin, format: a!.format, body: a!.body });
  };

  const page = (type: string, body: string) => (ctx: Ctx) => send(ctx.res, 200, type, body, { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' });

  const routes = new Map<string, Route>([
    ['/', { name: '/', open: true, methods: { GET: page('text/html; charset=utf-8', PAGE_HTML) } }],
    ['/page.js', { name: '/page.js', open: true, methods: { GET: page('text/javascript; charset=utf-8', PAGE_SCRIPT) } }],
    ['/page.css', { name: '/page.css', open: true, methods: { GET: page('text/css; charset=utf-8', PAGE_CSS) } }],
    // Browsers ask for an icon; there is none, and "none" is not an error.
    ['/favicon.ico', { name: '/favicon.ico', open: true, methods: { GET: (c) => void (c.res.writeHead(204, { 'cache-control': 'max-age=86400' }), c.res.end()) } }],
    ['/healthz', { name: '/healthz', open: true, methods: { GET: (c) => json(c.res, closing ? 503 : 200, { status: closing ? 'shutting down' : 'ok', version: TOOL_VERSION, workers: pool.size, pending: pool.pending }) } }],
    ['/metrics', { name: '/metrics', methods: { GET: (c) => send(c.res, 200, 'text/plain; version=0.0.4; charset=utf-8', metrics.render({ poolWorkers: pool.size, poolPending: pool.pending, inFlight })) } }],
    ['/v1/rules', { name: '/v1/rules', methods: { GET: (c) => send(c.res, 200, 'application/json; charset=utf-8', rulesJson) } }],
    ['/v1/check', { name: '/v1/check', methods: { POST: (c) => checkBody(c, 'check') } }],
    ['/v1/compare', { name: '/v1/compare', methods: { POST: (c) => checkBody(c, 'compare') } }],
    ['/v1/extract', { name: '/v1/extract', methods: { POST: extract } }],
    ['/v2/check', { name: '/v2/check', methods: { POST: ltCheck } }],
    ['/v2/languages', { name: '/v2/languages', methods: { GET: (c) => json(c.res, 200, languagesList()) } }],
  ]);

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL | null, route: Route | undefined): Promise<void> => {
    if (!url) throw new HttpError(400, 'the request target is not a valid URL');
    const cors = applyCors(req, res, opts.corsOrigins);
    if (req.method === 'OPTIONS') {
      res.writeHead(cors ? 204 : 403, { allow: 'GET, HEAD, POST, OPTIONS', 'content-length': 0 });
      res.end();
      return;
    }
    if (!route) throw new HttpError(404, `no such endpoint: ${url.pathname.slice(0, 200)} (try GET /v1/rules, POST /v1/check, POST /v2/check)`);
    // HEAD is GET without the body (Node's response leaves the body out of a HEAD answer, headers as for GET).
    const handler = methodOf(route, req.method);
    if (!handler) {
      const allowed = Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
      throw new HttpError(405, `${req.method} is not allowed on ${route.name}; use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
    }
    if (!route.open && !authorized(req)) throw new HttpError(401, 'this server needs a bearer token: send "Authorization: Bearer <token>"', { 'www-authenticate': 'Bearer realm="credlint"' });
    if (closing && route.name !== '/healthz') throw new HttpError(503, 'the server is shutting down', { connection: 'close' });
    const accepted = QUERY_PARAMS[route.name];
    if (accepted) checkQuery(url.searchParams, accepted);
    await handler({ req, res, url });
  };

  // Idle keep-alive connections are kept for a minute (Node's default is 5 s): a client that pools connections
  // (a CMS, a gateway) would otherwise race the server's close and see its next request fail on a dead socket.
  const server = createServer({ requestTimeout: Math.max(30_000, opts.timeoutMs * 3), headersTimeout: 20_000, keepAliveTimeout: 65_000 }, (req, res) => {
    const started = performance.now();
    inFlight++;
    const url = parseTarget(req.url);
    const route = url ? routes.get(url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname) : undefined;
    // Metrics label by route, never by raw path, so a scan of random URLs cannot grow them without bound.
    const routeName = route?.name ?? 'other';
    res.once('close', () => {
      inFlight--;
      metrics.request(route && methodOf(route, req.method) ? req.method! : 'other', routeName, res.statusCode, (performance.now() - started) / 1000);
    });
    handle(req, res, url, route)
      .catch((e: unknown) => {
        const known = e instanceof HttpError;
        const status = known ? e.status : 500;
        if (!known) opts.log?.(`internal error on ${req.method} ${req.url}: ${(e as Error)?.stack ?? e}`);
        const message = known ? e.message : 'internal error; the server log has the details';
        const headers = known ? e.headers : {};
        if (routeName === '/v2/check') send(res, status, 'text/plain; charset=utf-8', `Error: ${message}\n`, headers);
        else json(res, status, { error: message, status }, headers);
        // An unread upload (413) is discarded for a moment, then the connection is cut.
        if (headers.connection === 'close') setTimeout(() => req.destroy(), 2000).unref();
      });
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nmalformed HTTP request\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  let closed: Promise<void> | null = null;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}`,
    close(graceMs = 30_000) {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        try {
          await stopped;
        } finally {
          clearInterval(idle);
          clearTimeout(timer);
        }
        await pool.close();
        await compareThread?.close();
      })();
      return closed;
    },
  };
}

function methodOf(route: Route, method: string | undefined): Handler | undefined {
  return route.methods[method ?? ''] ?? (method === 'HEAD' ? route.methods.GET : undefined);
}

function parseTarget(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** A result with nothing in it, for an empty text (LanguageTool answers an empty text with no matches). */
function emptyResult(): import('../types.js').ArticleResult {
  return { id: 'v2', source: 'v2', title: null, url: null, publishedAt: null, publishedAtOrigin: null, language: 'und', score: 100, verdict: 'pass', stats: {}, categories: {}, flags: [], skippedRules: [] };
}
