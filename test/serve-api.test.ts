// The HTTP service through real requests on a loopback port: the built CLI's `serve` under plain node.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { assertValidReport } from './helpers/report-schema.js';
import { cli, cliReport, HAS_SHARED, newsPages, seed } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';
import { serve, serveIf } from './helpers/serve.js';
import type { Report } from '../src/types.js';

const DAMAGED = 'The minister\u00e2\u20ac\u2122s plane landed in Tianjin,China,to attend the summit.The talks covered security,trade,and politics.\n';
const SECOND = 'Officials met on Monday to discuss the budget.\n\nThe talks will resume next week, a spokesperson said.\n';

async function post(url: string, body: string | Buffer, type?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { ...(type ? { 'content-type': type } : {}), ...headers } });
}

async function report(res: Response): Promise<Report> {
  const r = (await res.json()) as Report;
  assertValidReport(r);
  return r;
}

/** A raw HTTP exchange (for bodies fetch refuses to send, and to read a 413 before the upload ends). */
function raw(url: string, opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('credlint serve: /v1 API', async () => {
  const s = await serve(['--workers', '1', '--max-body', '64kb']);

  it('answers /healthz and lists the rules with whether their fixes are safe', async () => {
    const h = await fetch(`${s.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toMatchObject({ status: 'ok' });
    const rules = (await (await fetch(`${s.url}/v1/rules`)).json()) as { rules: Array<{ id: string; safeFix: boolean; pack: string }> };
    expect(rules.rules.find((r) => r.id === 'spacing/missing-space-after-comma')?.safeFix).toBe(true);
    expect(rules.rules.find((r) => r.id === 'tortured-phrase/synonym-swap')?.safeFix).toBe(false);
    // Pack names only: the server's paths are its own business.
    for (const r of rules.rules) expect(r.pack).not.toContain('/');
  });

  it('checks a text/plain body: the CLI report, offsets into the body as sent', async () => {
    const res = await post(`${s.url}/v1/check`, DAMAGED, 'text/plain; charset=utf-8');
    expect(res.status).toBe(200);
    const r = await report(res);
    const a = r.articles[0]!;
    expect(a.verdict).not.toBe('pass');
    const comma = a.flags.find((f) => f.ruleId === 'spacing/missing-space-after-comma')!;
    expect(DAMAGED.slice(comma.start, comma.end)).toBe(comma.text);
    expect(a.flags.some((f) => f.category === 'encoding' && DAMAGED.slice(f.start, f.end) === '\u00e2\u20ac\u2122')).toBe(true);
    expect(r.gate).toBeUndefined();
  });

  it('takes a JSON article, a JSON array and JSONL, with publishedAt and ids from the records', async () => {
    const one = await report(await post(`${s.url}/v1/check`, JSON.stringify({ id: 'story-1', body: DAMAGED, publishedAt: '2025-10-16' }), 'application/json'));
    expect(one.articles[0]).toMatchObject({ id: 'story-1', publishedAt: '2025-10-16' });
    const batch = await report(await post(`${s.url}/v1/check`, JSON.stringify([{ id: 'a', body: DAMAGED }, { id: 'b', body: SECOND }]), 'application/json'));
    expect(batch.articles.map((x) => x.id)).toEqual(['a', 'b']);
    const jsonl = [{ id: 'a', body: DAMAGED }, { id: 'b', body: SECOND }].map((x) => JSON.stringify(x)).join('\n');
    const lines = await report(await post(`${s.url}/v1/check`, jsonl, 'application/x-ndjson'));
    expect(lines.articles.map((x) => [x.id, x.verdict])).toEqual(batch.articles.map((x) => [x.id, x.verdict]));
  });

  it('a bad record goes into errors[] while the rest of the batch is checked', async () => {
    const r = await report(await post(`${s.url}/v1/check`, `${JSON.stringify({ id: 'ok', body: SECOND })}\n{"id": "broken", "body": 12}\nnot json\n`, 'application/x-ndjson'));
    expect(r.articles.map((a) => a.id)).toEqual(['ok']);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining('"body" must be a string'), expect.stringContaining('invalid JSON line')]);
  });

  it('reads Markdown as written and HTML as its visible text; the query gives a text body its id and date', async () => {
    const md = `# Summit opens\n\nThe delegation landed in Tianjin,China,to attend the summit.\n`;
    const m = (await report(await post(`${s.url}/v1/check?id=md-1&publishedAt=2025-09-01`, md, 'text/markdown'))).articles[0]!;
    expect(m).toMatchObject({ id: 'md-1', title: 'Summit opens', publishedAt: '2025-09-01' });
    const f = m.flags.find((x) => x.ruleId === 'spacing/missing-space-after-comma')!;
    expect(md.slice(f.start, f.end)).toBe(f.text);
    const html = '<html><head><title>Summit</title><meta property="article:published_time" content="2025-09-02"></head><body><p>The delegation landed in <b>Tianjin,China,to</b> attend.</p></body></html>';
    const h = (await report(await post(`${s.url}/v1/check`, html, 'text/html'))).articles[0]!;
    expect(h).toMatchObject({ title: 'Summit', publishedAt: '2025-09-02' });
    expect(h.flags.some((x) => x.ruleId === 'spacing/missing-space-after-comma')).toBe(true);
    const text = (await (await post(`${s.url}/v1/extract`, html, 'text/html')).json()) as { body: string };
    const fh = h.flags.find((x) => x.ruleId === 'spacing/missing-space-after-comma')!;
    expect(text.body.slice(fh.start, fh.end)).toBe(fh.text);
  });

  it('failOn is the CLI gate: 422 with gate.passed false when an article is that bad, 200 when none is', async () => {
    const bad = await post(`${s.url}/v1/check?failOn=review`, DAMAGED, 'text/plain');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('credlint-gate')).toBe('fail');
    const r = await report(bad);
    expect(r.gate).toEqual({ failOn: 'review', passed: false, failing: ['request'], unchecked: [] });
    const plain = await report(await post(`${s.url}/v1/check`, SECOND, 'text/plain'));
    const verdict = plain.articles[0]!.verdict;
    const good = await post(`${s.url}/v1/check?failOn=fail`, SECOND, 'text/plain');
    expect(good.status).toBe(verdict === 'fail' ? 422 : 200);
    expect((await report(good)).gate?.passed).toBe(verdict !== 'fail');
    const withError = await post(`${s.url}/v1/check?failOn=fail`, `${JSON.stringify({ body: SECOND })}\n{"body": ""}\n`, 'application/x-ndjson');
    expect(withError.status).toBe(422);
    expect((await report(withError)).gate).toMatchObject({ passed: false, unchecked: ['request:2'] });
    expect((await post(`${s.url}/v1/check?failOn=maybe`, SECOND, 'text/plain')).status).toBe(400);
  });

  it('compares two or more articles and refuses one', async () => {
    const copy = SECOND.replace('Monday', 'Tuesday');
    const r = await report(await post(`${s.url}/v1/compare`, JSON.stringify([{ id: 'a', body: `${SECOND}\nThe budget is 40 million euros, the ministry said on Monday.\n` }, { id: 'b', body: `${copy}\nThe budget is 55 million euros, the ministry said on Monday.\n` }]), 'application/json'));
    expect(r.articles).toHaveLength(2);
    expect(r.comparisons.length).toBeGreaterThan(0);
    for (const c of r.comparisons) expect([c.a.article, c.b.article].sort()).toEqual(['a', 'b']);
    const one = await post(`${s.url}/v1/compare`, JSON.stringify([{ body: SECOND }]), 'application/json');
    expect(one.status).toBe(400);
    expect(((await one.json()) as { error: string }).error).toMatch(/two or more articles/);
  });

  it('answers malformed input with 400 and a message that says what is wrong', async () => {
    const cases: Array<[string | Buffer, string | undefined, RegExp]> = [
      ['{"body": "unterminated', 'application/json', /invalid JSON/],
      ['', 'text/plain', /empty/],
      ['   \n', 'text/plain', /empty/],
      ['{"title": "no body"}', 'application/json', /no body/],
      ['[]', 'application/json', /no articles/],
      [Buffer.from([0xc3, 0x28, 0x41]), 'text/plain', /not valid UTF-8/],
      [Buffer.from('text\0with NUL'), 'text/plain', /binary/],
      [JSON.stringify({ body: 'x'.repeat(10) }), 'application/json; charset=latin1', /charset/],
    ];
    for (const [body, type, message] of cases) {
      const res = await post(`${s.url}/v1/check`, body, type);
      expect([400, 415], String(body)).toContain(res.status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const unknownType = await post(`${s.url}/v1/check`, 'x', 'image/png');
    expect(unknownType.status).toBe(415);
    expect(((await unknownType.json()) as { error: string }).error).toMatch(/text\/plain/);
  });

  it('answers 413 for a body over --max-body, from Content-Length or while reading', async () => {
    const big = Buffer.alloc(200_000, 'a');
    const declared = await raw(s.url, { path: '/v1/check', headers: { 'content-type': 'text/plain', 'content-length': big.length }, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/64,000-byte limit/);
    const chunked = await raw(s.url, { path: '/v1/check', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('404 for unknown paths, 405 with Allow for a wrong method, nothing read from the file system', async () => {
    for (const path of ['/nope', '/../package.json', '/v1/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/dist/cli/main.js', '/rules/chrome.json']) {
      const res = await raw(s.url, { method: 'GET', path });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toMatch(/root:|"name": "credlint"|"rules":/);
    }
    const wrong = await fetch(`${s.url}/v1/check`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('a request cannot point the server at files: paths in records and query parameters are only labels', async () => {
    const rules = ((await (await fetch(`${s.url}/v1/rules`)).json()) as { rules: unknown[] }).rules.length;
    // rules= and config= are not parameters of /v1/check at all: refused, never read.
    const refused = await post(`${s.url}/v1/check?rules=/etc&config=/etc/passwd`, JSON.stringify({ body: SECOND }), 'application/json');
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toMatch(/root:x:0:0/);
    const r = await report(await post(`${s.url}/v1/check?source=/etc/passwd`, JSON.stringify({ id: '/etc/passwd', source: '/etc/shadow', body: SECOND, rulesDirs: ['/tmp'], config: '/etc/passwd' }), 'application/json'));
    expect(JSON.stringify(r)).not.toMatch(/root:x:0:0/);
    expect(r.articles[0]!.id).toBe('/etc/passwd');
    const textBody = await report(await post(`${s.url}/v1/check?source=/etc/passwd`, '/etc/passwd', 'text/plain'));
    expect(textBody.articles[0]!.stats.characters).toBe('/etc/passwd'.length);
    expect(((await (await fetch(`${s.url}/v1/rules?rules=/tmp`)).json()) as { rules: unknown[] }).rules.length).toBe(rules);
  });

  it('refuses an unknown query parameter with 400, naming it and the accepted ones (a typo must not turn the gate off)', async () => {
    for (const [query, meant] of [['failon=review', 'failOn'], ['fail_on=review', 'failOn'], ['FAILON=fail', 'failOn'], ['Compare=false', 'compare'], ['published_at=2025-10-16', 'publishedAt'], ['gate=review', null]] as const) {
      const res = await post(`${s.url}/v1/check?${query}`, DAMAGED, 'text/plain');
      expect(res.status, query).toBe(400);
      const { error } = (await res.json()) as { error: string };
      const name = query.split('=')[0]!;
      expect(error, query).toContain(`unknown query parameter "${name}"`);
      expect(error, query).toMatch(/accepts failOn, compare, source, id, title, url, publisher, publishedAt/);
      if (meant) expect(error, query).toContain(`did you mean "${meant}"?`);
      else expect(error, query).not.toContain('did you mean');
    }
    // The other endpoints that read the query refuse unknown ones too, each listing its own.
    const compare = await post(`${s.url}/v1/compare?failon=review`, `${JSON.stringify({ body: SECOND })}\n${JSON.stringify({ body: SECOND })}\n`, 'application/x-ndjson');
    expect(compare.status).toBe(400);
    expect(((await compare.json()) as { error: string }).error).toMatch(/"failon" \(did you mean "failOn"\?\); this endpoint accepts failOn, source/);
    const extract = await post(`${s.url}/v1/extract?failOn=review`, '<p>Hello</p>', 'text/html');
    expect(extract.status).toBe(400);
    expect(((await extract.json()) as { error: string }).error).toMatch(/"failOn"; this endpoint accepts source, id, title/);
    // The right spelling still gates.
    expect((await post(`${s.url}/v1/check?failOn=review`, DAMAGED, 'text/plain')).status).toBe(422);
  });

  it('refuses the single-text parameters (id, title, url, publisher, publishedAt) with a JSON or JSONL body', async () => {
    for (const [query, body, type] of [
      ['publishedAt=2025-10-16', JSON.stringify({ body: SECOND }), 'application/json'],
      ['id=a&title=T', `${JSON.stringify({ body: SECOND })}\n`, 'application/x-ndjson'],
      ['url=https://example.org/x', JSON.stringify([{ body: SECOND }, { body: DAMAGED }]), 'application/json'],
    ] as const) {
      const res = await post(`${s.url}/v1/check?${query}`, body, type);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toMatch(/appl(y|ies) to a single text, Markdown or HTML body only/);
    }
    // A body without a Content-Type that sniffs as JSON (fetch would label a string text/plain).
    const sniffed = await raw(s.url, { path: '/v1/check?publisher=P', body: Buffer.from(JSON.stringify({ body: SECOND })) });
    expect(sniffed.status).toBe(400);
    expect(JSON.parse(sniffed.body).error).toMatch(/publisher applies to a single text, Markdown or HTML body only/);
    // With a text body they still describe it; source labels any body.
    const text = await report(await post(`${s.url}/v1/check?id=story-1&publishedAt=2025-10-16`, SECOND, 'text/plain'));
    expect(text.articles[0]).toMatchObject({ id: 'story-1', publishedAt: '2025-10-16' });
    expect((await post(`${s.url}/v1/check?source=cms`, JSON.stringify({ body: SECOND }), 'application/json')).status).toBe(200);
  });

  it('answers HEAD on the GET routes as GET without a body', async () => {
    for (const path of ['/healthz', '/', '/page.js', '/page.css', '/v1/rules', '/v2/languages', '/metrics', '/favicon.ico']) {
      const get = await raw(s.url, { method: 'GET', path });
      const head = await raw(s.url, { method: 'HEAD', path });
      expect(head.status, path).toBe(get.status);
      expect(head.body, path).toBe('');
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      if (path !== '/metrics') expect(head.headers['content-length'], path).toBe(get.headers['content-length']);
    }
    const headPost = await raw(s.url, { method: 'HEAD', path: '/v1/check' });
    expect(headPost.status).toBe(405);
    expect((await fetch(`${s.url}/v1/rules`, { method: 'PUT' })).headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses a compressed body with 415 instead of reading it as binary', async () => {
    const { gzipSync, deflateSync } = await import('node:zlib');
    for (const [coding, body] of [['gzip', gzipSync(SECOND)], ['deflate', deflateSync(SECOND)], ['br', Buffer.from(SECOND)]] as const) {
      const res = await raw(s.url, { path: '/v1/check', headers: { 'content-type': 'text/plain', 'content-encoding': coding }, body });
      expect(res.status, coding).toBe(415);
      expect(JSON.parse(res.body).error, coding).toBe(`content encoding ${coding} is not supported; send the body uncompressed`);
      expect(res.headers['accept-encoding']).toBe('identity');
    }
    const lt = await raw(s.url, { path: '/v2/check', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: gzipSync('text=Hello&language=en-US') });
    expect(lt.status).toBe(415);
    expect(lt.body).toMatch(/^Error: content encoding gzip is not supported/);
    // identity is no coding at all.
    expect((await raw(s.url, { path: '/v1/check', headers: { 'content-type': 'text/plain', 'content-encoding': 'identity' }, body: Buffer.from(SECOND) })).status).toBe(200);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('serves the page with a content security policy and no external assets', async () => {
    const page = await fetch(`${s.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    const assets = [html, await (await fetch(`${s.url}/page.js`)).text(), await (await fetch(`${s.url}/page.css`)).text()];
    for (const a of assets) expect(a).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?https?:|@import/i);
    expect(html).toContain('<textarea id="article"');
  });

  it('sends no CORS headers unless configured', async () => {
    const res = await fetch(`${s.url}/v1/rules`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${s.url}/v1/check`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes Prometheus metrics: requests by route and status, latency histogram, verdicts', async () => {
    await post(`${s.url}/v1/check`, DAMAGED, 'text/plain');
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/^credlint_http_requests_total\{method="POST",route="\/v1\/check",status="200"\} \d+$/m);
    expect(text).toMatch(/^credlint_http_request_duration_seconds_bucket\{route="\/v1\/check",le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^credlint_articles_checked_total\{verdict="(review|fail)"\} [1-9]\d*$/m);
    expect(text).toMatch(/^credlint_pool_workers 1$/m);
    // Every sample line is `name{labels} value` or `name value`.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [\d.+e-]+$/);
    // Unknown paths share one label value, so a scan cannot grow the metrics.
    await fetch(`${s.url}/random-${Math.random()}`);
    expect(await (await fetch(`${s.url}/metrics`)).text()).not.toMatch(/random-/);
  });
});

describe('credlint serve: options', () => {
  it('refuses bad options with one clear line and exit code 2', () => {
    for (const [args, message] of [
      [['--port', '70000'], /--port 70000: expected 0-65535/],
      [['--max-body', '5 parsecs'], /--max-body 5 parsecs: expected a size/],
      [['--config', '/nonexistent/.credlintrc.json'], /no such file/],
    ] as const) {
      const r = cli(['serve', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('credlint serve: bearer token and CORS', async () => {
  const s = await serve(['--workers', '1', '--token', 'sekret-42', '--cors-origin', 'https://cms.example']);
  const e = await serve(['--workers', '1'], { CREDLINT_TOKEN: 'from-env' });

  it('requires the token on everything but /healthz', async () => {
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    // The page's own static files open without it (a browser cannot attach a bearer token to a page load);
    // the page asks for the token and sends it on its API calls.
    expect((await fetch(`${s.url}/`)).status).toBe(200);
    expect((await fetch(`${s.url}/page.js`)).status).toBe(200);
    for (const path of ['/v1/rules', '/metrics', '/v2/languages']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await post(`${s.url}/v1/check`, SECOND, 'text/plain')).status).toBe(401);
    expect((await fetch(`${s.url}/v2/check`, { method: 'POST', body: 'text=Hello&language=en-US', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
    expect((await post(`${s.url}/v1/check`, SECOND, 'text/plain', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(`${s.url}/v1/check`, SECOND, 'text/plain', { authorization: 'Bearer sekret-42' })).status).toBe(200);
    expect((await fetch(`${e.url}/v1/rules`)).status).toBe(401);
    expect((await fetch(`${e.url}/v1/rules`, { headers: { authorization: 'Bearer from-env' } })).status).toBe(200);
  });

  it('answers CORS for the configured origin only', async () => {
    const ok = await fetch(`${s.url}/v1/check`, { method: 'OPTIONS', headers: { origin: 'https://cms.example', 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://cms.example');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    // A page's script can read the gate and Retry-After only if they are exposed.
    const gated = await post(`${s.url}/v1/check?failOn=review`, SECOND, 'text/plain', { origin: 'https://cms.example', authorization: 'Bearer sekret-42' });
    expect(gated.headers.get('credlint-gate')).toBeTruthy();
    expect(gated.headers.get('access-control-allow-origin')).toBe('https://cms.example');
    const exposed = (gated.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['credlint-gate', 'retry-after']));
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/Credlint-Gate/);
    const other = await fetch(`${s.url}/v1/rules`, { headers: { origin: 'https://other.example', authorization: 'Bearer sekret-42' } });
    expect(other.headers.get('access-control-expose-headers')).toBeNull();
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe.skipIf(!HAS_SHARED)('credlint serve: the founding articles (needs ../shared)', async () => {
  const s = await serveIf(HAS_SHARED, ['--workers', '1']);
  const t = tempDir();

  it('finds the same flags over HTTP as the CLI finds in the file', async () => {
    const text = seed('lukashenko-tianjin.txt');
    const r = await report(await post(`${s.url}/v1/check`, text, 'text/plain'));
    const flags = r.articles[0]!.flags;
    for (const f of flags) expect(text.slice(f.start, f.end).startsWith(f.text.replace(/…$/, ''))).toBe(true);
    const tianjin = text.indexOf('Tianjin,China,to');
    expect(flags.some((f) => f.category === 'spacing' && f.start >= tianjin && f.end <= tianjin + 16)).toBe(true);
  });

  it('a batch large enough for the comparison thread gets the same report as the CLI', async () => {
    const pages = newsPages().slice(0, 24);
    // Near-copies with one figure changed, so the batch has copies and contradictions to find.
    const records = [...pages.map((p) => ({ id: p.id, body: p.body })), ...pages.slice(0, 6).map((p) => ({ id: `${p.id}-copy`, body: p.body.replace(/\b(\d+)\b/, (n) => String(Number(n) + 3)) }))];
    const jsonl = records.map((r) => JSON.stringify(r)).join('\n');
    const served = await report(await post(`${s.url}/v1/check`, jsonl, 'application/x-ndjson'));
    const file = t.put('batch.jsonl', jsonl);
    const local = cliReport([file, '-j', '1']).report;
    expect(served.comparisons.length).toBeGreaterThan(0);
    const key = (r: Report): unknown => r.comparisons.map((c) => [c.type, c.a.article, c.a.start, c.b.article, c.b.start, c.similarity]);
    expect(key(served)).toEqual(key(local));
    expect(served.articles.map((a) => [a.id, a.score, a.stats.corroboratedClaims ?? 0])).toEqual(local.articles.map((a) => [a.id, a.score, a.stats.corroboratedClaims ?? 0]));
  });

  it('a clean news body passes the gate', async () => {
    const pages = newsPages().slice(0, 40);
    const r = await report(await post(`${s.url}/v1/check?failOn=fail`, pages.map((p) => JSON.stringify({ id: p.id, body: p.body })).join('\n'), 'application/x-ndjson'));
    expect(r.articles).toHaveLength(40);
    // Clean professional text: the gate at "fail" holds almost all of it.
    expect(r.gate!.failing.length).toBeLessThanOrEqual(2);
  });
});

if (!HAS_SHARED) console.log('serve-api: ../shared is missing; the founding-article tests are skipped');
