// Page types the chrome detector used to get wrong, each as a small hand-written page with its true body
// (test/fixtures/chrome-page-types/NAME.page.txt and NAME.body.txt). A test fails if that type regresses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import type { Article } from '../src/types.js';
import { article, builtinRules, ROOT } from './helpers/run.js';

const rules = builtinRules().filter((r) => r.category === 'chrome');
const flagsOf = (a: Article) => checkArticle(a, rules, defaultConfig()).result.flags.filter((f) => f.category === 'chrome');
const fixture = (name: string, part: 'page' | 'body'): string => readFileSync(join(ROOT, 'test', 'fixtures', 'chrome-page-types', `${name}.${part}.txt`), 'utf8');
/** The text left once the chrome flags are cut, line by line (what `credlint strip` returns). */
const kept = (text: string): string[] => {
  let out = '';
  let at = 0;
  for (const f of flagsOf(article(text)).sort((x, y) => x.start - y.start)) {
    out += text.slice(at, Math.max(at, f.start)) + '\n';
    at = Math.max(at, f.end);
  }
  return (out + text.slice(at)).split('\n').map((l) => l.trim()).filter(Boolean);
};
const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);
/** Lines of the page the stripping got wrong: article lines cut, and chrome lines kept. */
function mistakes(name: string): { cut: string[]; kept: string[] } {
  const body = new Set(lines(fixture(name, 'body')));
  const left = new Set(kept(fixture(name, 'page')));
  return { cut: [...body].filter((l) => !left.has(l)), kept: [...left].filter((l) => !body.has(l)) };
}

describe('page types', () => {
  it('a countdown list (numbered sections, one paragraph each) is the article, and the counting headlines after it are not', () => {
    const m = mistakes('countdown-list');
    // The section numbers look like a pager one by one, the sections like teasers: all of it stays.
    expect(m.cut.filter((l) => l !== 'Seven Rivers That Change Direction' && !l.startsWith('by Helen Marsh'))).toEqual([]);
    expect(m.kept).not.toContain('Top 10 Strangest Lakes');
    expect(m.kept).not.toContain('12 Waterfalls You Can Walk Behind');
    // The clean article alone keeps its numbers.
    expect(flagsOf(article(fixture('countdown-list', 'body'))).map((f) => fixture('countdown-list', 'body').slice(f.start, f.end))).toEqual([]);
  });

  it('a clean column keeps its own head (date, headline, byline, a "Q." label) and a closing "Related:" with nothing under it', () => {
    const body = fixture('qa-column', 'body');
    expect(flagsOf(article(body)).map((f) => body.slice(f.start, f.end))).toEqual([]);
  });

  it('a related-links header inside the article takes the headlines under it, and the article goes on after them', () => {
    const m = mistakes('related-inside');
    expect(m.cut.filter((l) => l !== 'Plague case confirmed in northern province')).toEqual([]);
    expect(m.kept).not.toContain('Mosquito warning issued as warm autumn lingers');
    expect(m.kept).not.toContain('Scientists claim discovery of the oldest known virus');
    // A related header that closes a page below its share box is the page's, not a closing line of the article.
    expect(m.kept).not.toContain('Most read');
  });

  it('a list of teasers whose snippets are cut off ("... are [...]") after the article is not the article', () => {
    const m = mistakes('truncated-teasers');
    expect(m.cut.filter((l) => l !== 'Why the small hatchback still sells')).toEqual([]);
    expect(m.kept.filter((l) => l.endsWith('[...]'))).toEqual([]);
    expect(m.kept).not.toContain('Winter tyres: are they worth it?');
  });

  it('a schedule of weekday dates ("Thu 6 March | Birmingham, O2 Institute") is a table of the article, not counting headlines', () => {
    const m = mistakes('weekday-schedule');
    expect(m.cut.filter((l) => l !== 'Harbour Lights announce a spring tour')).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('a grid of teasers (kicker, headline, source line, one-sentence snippet) after the article is cut', () => {
    const m = mistakes('kicker-teasers');
    expect(m.cut.filter((l) => l !== 'Why cloud gaming still stutters')).toEqual([]);
    expect(m.kept.filter((l) => l !== 'Want more stories like this?')).toEqual([]);
  });

  it('short sentences in a script without word spaces (Japanese steps) are prose, not menu items', () => {
    const m = mistakes('japanese-steps');
    expect(m.cut.filter((l) => l !== 'キーボードの設定を元に戻す方法')).toEqual([]);
    expect(m.kept).not.toContain('関連記事');
  });

  it('teasers with the headline glued to the snippet ("The 5 Best Taco Trucks In Riverton Our food team ...") above a short article are not the article', () => {
    const m = mistakes('glued-teasers');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l.startsWith('The 5 Best') || l.startsWith('Riverton Says') || l.startsWith('Fall Colors'))).toEqual([]);
    // The article alone: its dateline sentence opens on capitals but is no headline.
    expect(flagsOf(article(fixture('glued-teasers', 'body')))).toEqual([]);
  });

  it('a gallery above the article (caption sentence, credit, "1 / 6", "Back to Gallery") is not the article\'s lead', () => {
    const m = mistakes('gallery-caption');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l.startsWith('Cranes unload'))).toEqual([]);
    // A lead followed by its picture's credit, with no gallery counter, keeps its lead.
    const inline = fixture('gallery-caption', 'body').replace('said.\n', 'said.\nPhoto: Luis Ortega, Staff\n');
    expect(kept(inline)).toContain('Container traffic at the harbor fell for a third straight month in February, the port authority said.');
  });

  it('product boxes of a deals post (name, features, price, "Available from ...", "Buy Now", card after card) are the article', () => {
    const m = mistakes('product-cards');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l !== 'Share Tweet')).toEqual([]);
    // A teaser list with one repeated label ("Video" before each headline) is no series of cards.
    const teasers = fixture('product-cards', 'body').split('\n').slice(0, 2).join('\n') + '\n' + ['Video', 'Ten camping tricks that make rain bearable', 'Three days on the ridge with nothing but a tarp', 'Video', 'Why everyone is buying a headlamp this winter', 'The long way round the lake, in pictures', 'Video', 'The tent that sets itself up is finally on sale', 'A beginner guide to winter hiking boots'].join('\n');
    expect(kept(teasers)).not.toContain('Why everyone is buying a headlamp this winter');
  });

  it('an article\'s lead split from the rest by a small share-and-follow box is kept with it', () => {
    const m = mistakes('lead-split');
    expect(m.cut).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('a photo essay (captions with their credits, "... (Tom Lee/AFP/Getty Images)", right after the text) is the post, one stray credit is not', () => {
    const m = mistakes('photo-essay');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l !== 'Photos: the lantern festival lights up the old harbour')).toEqual([]);
    // A single caption after the text stays picture residue.
    const one = fixture('photo-essay', 'body').split('\n').slice(0, 2).join('\n');
    expect(kept(one)).not.toContain('Visitors walk under a tunnel of red lanterns near the ferry pier. (Tom Lee/AFP/Getty Images)');
  });

  it('an author\'s box below a post ("Author: NAME", a bio opening on the name) is cut; a company\'s "About" paragraph in a release is not', () => {
    const m = mistakes('author-bio');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l.startsWith('Richard Hale is the founder'))).toEqual([]);
    // A bare "About the author" label: the name comes from the bio itself.
    const bare = fixture('author-bio', 'page').replace('Author: Richard Hale', 'About the author').replace('Richard Hale is the founder of a small design blog and has written about lamps, chairs and gadgets for more than ten years. He lives in Leeds with his family and far too many lamps.', 'Richard Hale (@rhale) is a design writer and the founder of a small blog about lamps, chairs and gadgets, which has been read widely since 2004.');
    expect(kept(bare).filter((l) => l.startsWith('Richard Hale (@rhale)'))).toEqual([]);
    const release = fixture('company-about', 'body');
    expect(flagsOf(article(release)).map((f) => release.slice(f.start, f.end))).toEqual([]);
  });

  it('a blog platform\'s post footer ("Like this:", "This entry was posted on DATE and is filed under ...", "Blog at WordPress.com.") is cut', () => {
    const m = mistakes('post-meta');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l !== 'We are moving the blog')).toEqual([]);
  });

  it('a "Most read in world news" box inside the article takes the kickers and headlines under it', () => {
    const m = mistakes('most-read-inside');
    expect(m.cut).toEqual([]);
    expect(m.kept.filter((l) => l !== 'Hunter catches plague after eating wild rabbit')).toEqual([]);
  });

  it('a list the article\'s last line introduces ("What the new version brings:", one point a line) is the article\'s', () => {
    const m = mistakes('colon-list');
    expect(m.cut).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it("a story's own credits after its last line (wire credit, contact line) stay; a picture credit, the print-edition note, the reprints notice and the page's share box go", () => {
    const m = mistakes('wire-credits');
    expect(m.cut.filter((l) => l !== 'Harbour cranes idle as dock workers strike for a second week')).toEqual([]);
    expect(m.kept).toEqual([]);
    const body = fixture('contact-line', 'body');
    expect(flagsOf(article(body)).map((f) => body.slice(f.start, f.end))).toEqual([]);
  });

  it("a letter's date on a line of its own between lines of the text is the text's, not a date widget", () => {
    const body = fixture('letters', 'body');
    expect(flagsOf(article(body)).map((f) => body.slice(f.start, f.end))).toEqual([]);
  });

  it('a text opening on its date set one part per line ("24", "Jul", "2012"), then time, headline and byline, keeps its head', () => {
    const body = fixture('split-date', 'body');
    expect(flagsOf(article(body)).map((f) => body.slice(f.start, f.end))).toEqual([]);
  });

  it('a blog\'s previous/next post links ("« Older title | Main", "Newer title »") and its "Posted by ... | Permalink" footer are chrome, not the post\'s head or last lines', () => {
    const m = mistakes('post-nav');
    expect(m.cut.filter((l) => l !== 'Why some rivers seem to run backwards' && l !== 'March 14, 2012')).toEqual([]);
    expect(m.kept.filter((l) => l.startsWith('«') || l.endsWith('»'))).toEqual([]);
  });

  it('a comment thread whose bylines glue the name to "says:" ("Marta Kleinsays:") is cut, the post above it kept', () => {
    const m = mistakes('glued-says');
    expect(m.cut.filter((l) => l !== 'Why I still print my photographs' && !l.startsWith('Posted on'))).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('a blog platform\'s post footer ("Like this:", "This entry was posted on ... filed under", "Blog at ...") after the post is chrome', () => {
    const m = mistakes('post-footer');
    expect(m.cut.filter((l) => l !== 'Moving the blog' && l !== 'Hi everyone,')).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('a blog post\'s filing line ("Posted on DATE in CATEGORIES|Permalink") above its comment thread is chrome', () => {
    const m = mistakes('typepad-footer');
    expect(m.cut.filter((l) => l !== 'Flannel-backed winter blanket')).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('a blog\'s share widget with its labels glued together ("Email ThisBlogThis!Share to Twitter") is chrome', () => {
    const m = mistakes('blogger-share');
    expect(m.cut.filter((l) => l !== 'Small hatchback gets a cheaper basic version')).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('an author box after the post ("About the author", the name, a bio written as prose) is chrome', () => {
    const m = mistakes('author-box');
    expect(m.cut.filter((l) => l !== 'Three settings to change on a new phone')).toEqual([]);
    expect(m.kept).toEqual([]);
  });

  it('media tabs inside the article ("Video", "Photo", "Gallery", one per line) are chrome, the text on both sides is not', () => {
    const m = mistakes('media-tabs');
    expect(m.cut.filter((l) => l !== 'Mayor asks council to delay the bus fare rise')).toEqual([]);
    expect(m.kept).toEqual([]);
  });
});
