import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHere, reportHere } from './helpers/in-process.js';
import { tempDir } from './helpers/tmp.js';

const ARTICLE = 'Officials met on Monday to discuss the budget.\n\nThe talks will resume next week, a spokesperson said.\n';

describe('reading articles', () => {
  const t = tempDir();

  it('reads .txt with a title line, keeping offsets into the file text', async () => {
    const p = t.put('story.txt', `Budget talks resume\n\n${ARTICLE}`);
    const { report } = (await reportHere([p]));
    expect(report.articles).toHaveLength(1);
    const a = report.articles[0]!;
    expect(a.id).toBe(p);
    expect(a.title).toBe('Budget talks resume');
    expect(a.stats.words).toBeGreaterThan(15);
  });

  it('drops a UTF-8 byte-order mark so offsets count from the first character', async () => {
    const p = t.put('bom.txt', '\ufeffThe minister arrived in Tianjin,China on Monday for the summit of leaders.');
    const { report } = (await reportHere([p]));
    const flag = report.articles[0]!.flags.find((f) => f.ruleId === 'spacing/missing-space-after-comma')!;
    const text = readFileSync(p, 'utf8').slice(1);
    expect(text.slice(flag.start, flag.end)).toBe(',');
    expect(flag.text).toBe(',');
  });

  it('reads Markdown with a # heading as the title', async () => {
    const p = t.put('post.md', `# Council approves budget\n\n${ARTICLE}`);
    expect((await reportHere([p])).report.articles[0]!.title).toBe('Council approves budget');
  });

  it('reads HTML: visible text only, block elements as lines, title, date and canonical URL from the page', async () => {
    const html = `<!doctype html><html><head><title>Council approves budget</title>
      <meta property="article:published_time" content="2024-03-05T10:00:00Z"><link rel="canonical" href="https://news.example/budget">
      <style>p { color: red }</style><script>var x = "not text";</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Council approves budget</h1>
      <p>Officials met on <b>Monday</b> to discuss the budget &amp; taxes.</p><p>The talks will resume next week.</p></article></body></html>`;
    const p = t.put('page.html', html);
    const a = (await reportHere([p])).report.articles[0]!;
    expect(a.title).toBe('Council approves budget');
    expect(a.publishedAt).toBe('2024-03-05');
    expect(a.publishedAtOrigin).toBe('html-meta');
    expect(a.url).toBe('https://news.example/budget');
    expect(a.stats.words).toBeLessThan(30);
  });

  it('reads side-by-side links of a menu as separate words, inline links in prose as they are', async () => {
    const { parseHtml } = await import('../src/input/parse-html.js');
    const page = parseHtml('<div><a href="/">Home</a><a href="/w">World</a><a href="/s">Sport</a></div><p>The <a href="/c">council</a>’s vote.</p>');
    expect(page.text).toBe('Home World Sport\nThe council’s vote.');
  });

  it('collapses whitespace across elements and comments as a browser shows it; <br> is one line break', async () => {
    const { parseHtml } = await import('../src/input/parse-html.js');
    const html = '<article><p>The mayor spoke<br>and the council agreed.<br><br>Later, a vote.</p><p>The <em> council</em> met <!-- n --> on Monday <span> </span> to vote.</p></article>';
    expect(parseHtml(html).text).toBe('The mayor spoke\nand the council agreed.\n\nLater, a vote.\n\nThe council met on Monday to vote.');
    // In <pre> nothing collapses.
    expect(parseHtml('<pre>a  <b> b</b></pre>').text).toBe('a   b');
    const p = t.put('spaces.html', `<html><body>${html}</body></html>`);
    const flags = (await reportHere([p], { compare: false })).report.articles[0]!.flags;
    expect(flags.filter((f) => f.ruleId === 'spacing/doubled-space')).toEqual([]);
  });

  it('reads a JSON object, a JSON array and JSONL, with the record fields', async () => {
    const rec = { id: 'a1', title: 'T', body: ARTICLE, url: 'https://x.example/a', publishedAt: '2024-01-02T08:00:00Z', source: 'Example Wire' };
    const one = t.put('one.json', JSON.stringify(rec));
    const many = t.put('many.json', JSON.stringify([{ ...rec, id: 'b1' }, { id: 'b2', text: ARTICLE }, { id: 'b3', content: ARTICLE }]));
    const lines = t.put('lines.jsonl', [{ ...rec, id: 'c1' }, { id: 'c2', body: ARTICLE }].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { report } = (await reportHere([one, many, lines]));
    expect(report.articles.map((a) => a.id)).toEqual(['a1', 'b1', 'b2', 'b3', 'c1', 'c2']);
    const a1 = report.articles[0]!;
    expect([a1.title, a1.url, a1.publishedAt, a1.publishedAtOrigin]).toEqual(['T', 'https://x.example/a', '2024-01-02', 'record']);
    expect(report.articles[5]!.source).toBe(`${lines}:2`);
  });

  it('walks folders recursively and expands globs', async () => {
    t.put('tree/a.txt', ARTICLE);
    t.put('tree/sub/b.md', ARTICLE);
    t.put('tree/sub/ignored.png', 'not an article');
    t.put('tree/.hidden/c.txt', ARTICLE);
    const folder = (await reportHere([join(t.dir, 'tree')])).report;
    expect(folder.articles.map((a) => a.source.slice(t.dir.length))).toEqual(['/tree/a.txt', '/tree/sub/b.md']);
    const glob = (await reportHere([join(t.dir, 'tree/**/*.md')])).report;
    expect(glob.articles.map((a) => a.source.slice(t.dir.length))).toEqual(['/tree/sub/b.md']);
  });

  it('reads standard input with "-", sniffing JSONL', async () => {
    const input = [{ id: 's1', body: ARTICLE }, { id: 's2', body: ARTICLE }].map((r) => JSON.stringify(r)).join('\n');
    expect((await reportHere(['-'], { input })).report.articles.map((a) => a.id)).toEqual(['s1', 's2']);
    expect((await reportHere(['-'], { input: ARTICLE })).report.articles[0]!.source).toBe('-');
  });

  it('standard input of JSON lines whose first line is broken is JSON lines: one error naming -:1, the records checked', async () => {
    const recs = [{ id: 's1', body: ARTICLE }, { id: 's2', body: ARTICLE }].map((r) => JSON.stringify(r));
    const cutShort = recs[0]!.slice(0, 30);
    const startLost = recs[0]!.slice(10);
    for (const lines of [[startLost, ...recs], [cutShort, ...recs, 'a stray line of text']]) {
      const { status, report } = await reportHere(['-'], { input: `${lines.join('\n')}\n` });
      expect(status).toBe(2);
      expect(report.articles.map((a) => [a.id, a.source])).toEqual([['s1', '-:2'], ['s2', '-:3']]);
      expect(report.errors.map((e) => e.source)).toEqual(lines.length === 3 ? ['-:1'] : ['-:1', '-:4']);
      expect(report.errors.every((e) => /^invalid JSON line/.test(e.message))).toBe(true);
    }
  });

  it('a text that starts with a brace or quotes a JSON line stays one article; a JSON document with a record per line stays JSON', async () => {
    for (const text of [`{Editor's note} ${ARTICLE}`, `The settings were:\n{"debug": true}\n{"debug": false}\n${ARTICLE}`]) {
      const { status, report } = await reportHere(['-'], { input: text });
      expect(status).toBe(0);
      expect(report.articles.map((a) => [a.source, a.stats.words! > 15])).toEqual([['-', true]]);
    }
    const doc = `{"articles": [\n${JSON.stringify({ id: 'd1', body: ARTICLE })},\n${JSON.stringify({ id: 'd2', body: ARTICLE })}\n]}\n`;
    const { status, report } = await reportHere(['-'], { input: doc });
    expect(status).toBe(0);
    expect(report.articles.map((a) => a.id)).toEqual(['d1', 'd2']);
  });
});

describe('bad input: one clear line naming the file, the batch goes on, exit 2', () => {
  const t = tempDir();
  const good = t.put('good.txt', ARTICLE);
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing path', () => join(t.dir, 'nope.txt'), /no such file or folder/],
    ['a folder with no articles', () => (t.put('empty-folder/readme.png', 'x'), join(t.dir, 'empty-folder')), /folder has no articles/],
    ['an empty file', () => t.put('empty.txt', ''), /file is empty/],
    ['a binary file', () => t.put('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])), /binary file/],
    ['invalid UTF-8', () => t.put('latin1.txt', new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait and more text here')])), /not valid UTF-8 \(first bad byte at offset 3\)/],
    ['a record with no body', () => t.put('nobody.json', JSON.stringify({ id: 'x', title: 'Only a title' })), /has no body/],
    ['an empty body', () => t.put('blank.json', JSON.stringify({ id: 'x', body: '   ' })), /is empty/],
    ['invalid JSON', () => t.put('broken.json', '{"id": "x", "body": '), /invalid JSON/],
    ['a glob matching nothing', () => join(t.dir, '*.nothing'), /no files match/],
  ];
  it.each(cases)('%s', async (_name, make, pattern) => {
    const bad = make();
    const { status, report, stderr } = (await reportHere([bad, good]));
    expect(status).toBe(2);
    expect(report.articles.map((a) => a.source)).toEqual([good]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.source).toBe(bad);
    expect(report.errors[0]!.message).toMatch(pattern);
    expect(stderr).toContain(bad);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an invalid JSON line names the file and line; the other lines are checked', async () => {
    const p = t.put('mixed.jsonl', [JSON.stringify({ id: 'ok1', body: ARTICLE }), '{"id": "bad", body: }', JSON.stringify({ id: 'ok2', body: ARTICLE })].join('\n'));
    const { status, report } = (await reportHere([p]));
    expect(status).toBe(2);
    expect(report.articles.map((a) => a.id)).toEqual(['ok1', 'ok2']);
    expect(report.errors).toEqual([{ source: `${p}:2`, message: expect.stringMatching(/^invalid JSON line/) }]);
  });

  it('a 10 MB article is refused, in a text file and in a record', async () => {
    const huge = 'All work and no play makes a dull article. '.repeat(250_000);
    const file = t.put('huge.txt', huge);
    const rec = t.put('huge.jsonl', `${JSON.stringify({ id: 'big', body: huge })}\n${JSON.stringify({ id: 'small', body: ARTICLE })}\n`);
    const { status, report } = (await reportHere([file, rec]));
    expect(status).toBe(2);
    expect(report.articles.map((a) => a.id)).toEqual(['small']);
    expect(report.errors.map((e) => e.source)).toEqual([file, `${rec}:1`]);
    for (const e of report.errors) expect(e.message).toMatch(/limit for one article/);
  });

  it('never writes over an input file', async () => {
    const p = t.put('keep.txt', ARTICLE);
    const before = statSync(p).mtimeMs;
    const r = await checkHere([p], { out: p });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/never writes over its input/);
    expect(readFileSync(p, 'utf8')).toBe(ARTICLE);
    expect(statSync(p).mtimeMs).toBe(before);
  });
});

describe('--format jsonl', () => {
  const t = tempDir();
  it('keeps input order: a bad line\'s error comes between the results of the lines around it', async () => {
    const p = t.put('order.jsonl', [JSON.stringify({ id: 'a', body: ARTICLE }), '{"id": "bad", body: }', JSON.stringify({ id: 'b', body: ARTICLE })].join('\n'));
    const r = await checkHere([p], { format: 'jsonl' });
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; article?: { id: string }; error?: { source: string } });
    expect(lines.filter((l) => ['article', 'error', 'summary'].includes(l.type)).map((l) => l.article?.id ?? l.error?.source ?? l.type)).toEqual(['a', `${p}:2`, 'b', 'summary']);
  });
});

describe('files in other encodings', () => {
  const t = tempDir();
  const utf16 = (s: string, bom: boolean): Buffer => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);

  it('says a UTF-16 file is UTF-16 (with or without a byte order mark), not binary', async () => {
    const story = 'The council met on Tuesday and approved the budget, officials said.\n';
    for (const [name, bytes, what] of [
      ['bom16.txt', utf16(story, true), 'file is UTF-16 (little-endian byte order mark), not UTF-8'],
      ['plain16.txt', utf16(story, false), 'file is UTF-16, not UTF-8'],
    ] as const) {
      const f = t.put(name, bytes);
      const r = await reportHere([f], { compare: false });
      expect(r.status).toBe(2);
      expect(r.report.errors).toEqual([{ source: f, message: expect.stringContaining(what) }]);
    }
    // A binary file is still called binary.
    const bin = t.put('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0xff, 0, 0, 7]));
    expect((await reportHere([bin], { compare: false })).report.errors[0]!.message).toMatch(/binary file/);
  });

  it('reads an HTML page in the encoding it declares (Windows-1252 punctuation included); an undeclared one stays refused', async () => {
    const page = (meta: string): Buffer =>
      Buffer.concat([Buffer.from(`<html><head>${meta}<title>Caf`), Buffer.from([0xe9]), Buffer.from('</title></head><body><p>The caf'), Buffer.from([0xe9]), Buffer.from(' opened on Monday, the owner said '), Buffer.from([0x93]), Buffer.from('proudly'), Buffer.from([0x94]), Buffer.from('.</p></body></html>')]);
    for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">']) {
      const f = t.put(`declared-${meta.length}.html`, page(meta));
      const { report } = await reportHere([f], { compare: false });
      expect(report.errors).toEqual([]);
      expect(report.articles[0]!.title).toBe('Café');
      // ISO-8859-1 is Windows-1252 in HTML (the WHATWG encoding standard maps the label), as browsers read it.
      expect(report.articles[0]!.flags.filter((x) => x.category === 'encoding')).toEqual([]);
    }
    const undeclared = t.put('undeclared.html', page(''));
    expect((await reportHere([undeclared], { compare: false })).report.errors[0]!.message).toMatch(/not valid UTF-8/);
  });
});
