// The editor's page at `/`: markup and styles. Self-contained (no external assets), served with a content
// security policy that allows only this server's own script, styles and API.

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>credlint — check an article before it is published</title>
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
</head>
<body>
<header>
  <h1>credlint</h1>
  <p class="lede">Paste or drop an article (text, Markdown or HTML). <kbd>Ctrl</kbd>+<kbd>Enter</kbd> checks it.</p>
  <details id="auth"><summary>Server token</summary>
    <label for="token">Bearer token (kept for this tab only)</label>
    <input id="token" type="password" autocomplete="off" spellcheck="false">
  </details>
</header>
<main>
  <section id="editor" aria-labelledby="editor-h">
    <h2 id="editor-h">Article</h2>
    <div class="row">
      <label for="format">Format</label>
      <select id="format">
        <option value="auto">detect</option>
        <option value="txt">plain text</option>
        <option value="md">Markdown</option>
        <option value="html">HTML page</option>
      </select>
      <label for="publishedAt">Published</label>
      <input id="publishedAt" type="date">
      <label class="file">Open file… <input id="file" type="file" accept=".txt,.md,.markdown,.html,.htm,text/*"></label>
    </div>
    <textarea id="article" rows="14" spellcheck="false" aria-describedby="drop-hint" placeholder="Paste the article here, or drop a file"></textarea>
    <p id="drop-hint" class="hint">Drop a .txt, .md or .html file on the box. An HTML page is turned into the text credlint reads.</p>
    <div class="row buttons">
      <button id="check" type="button" class="primary">Check</button>
      <button id="fix-all" type="button" disabled>Apply all safe fixes</button>
      <button id="copy" type="button">Copy text</button>
    </div>
    <p id="status" role="status" aria-live="polite"></p>
  </section>
  <section id="result" aria-labelledby="result-h" hidden>
    <h2 id="result-h">Result</h2>
    <p id="verdict"></p>
    <div id="view" class="text" aria-label="The article with its flags highlighted"></div>
    <h3>Flags</h3>
    <ol id="flags"></ol>
  </section>
  <section id="compare" aria-labelledby="compare-h">
    <h2 id="compare-h">Compare with another article</h2>
    <textarea id="other" rows="8" spellcheck="false" aria-label="The other article" placeholder="Paste a second article (another outlet's version of the story)"></textarea>
    <div class="row buttons"><button id="compare-btn" type="button">Compare</button></div>
    <div id="pair" hidden>
      <p id="pair-summary"></p>
      <div class="sides">
        <div><h3>This article</h3><div id="side-a" class="text"></div></div>
        <div><h3>The other article</h3><div id="side-b" class="text"></div></div>
      </div>
      <ol id="comparisons"></ol>
    </div>
  </section>
</main>
</body>
</html>
`;

export const PAGE_CSS = `
:root { --fg: #1b1b1b; --muted: #5b5b5b; --bg: #fbfbf8; --line: #d6d6d0; --focus: #1a5fb4;
  --chrome: #f3c6c6; --boilerplate: #f6dfb4; --repetition: #e5d4f5; --spacing: #c9e4f6; --dates: #f8e08e;
  --tortured-phrase: #f6c9e5; --encoding: #d3d3d3; --structure: #d2ecd0; --attribution: #e0e0f8; --language: #eeeeee; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { margin: 1rem 0 0; font-size: 1.6rem; }
.lede, .hint { color: var(--muted); margin: .25rem 0; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
textarea { width: 100%; font: 14px/1.45 ui-monospace, monospace; padding: .5rem; border: 1px solid var(--line); background: #fff; }
textarea.drag { outline: 3px dashed var(--focus); }
button, select, input { font: inherit; }
button { padding: .35rem .8rem; border: 1px solid #888; background: #fff; border-radius: 4px; cursor: pointer; }
button.primary { background: #1a5fb4; color: #fff; border-color: #1a5fb4; }
button:disabled { opacity: .5; cursor: default; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.file input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.file { border: 1px solid #888; padding: .35rem .8rem; border-radius: 4px; background: #fff; cursor: pointer; }
.file:focus-within { outline: 3px solid var(--focus); }
.text { white-space: pre-wrap; word-wrap: break-word; font: 15px/1.6 Georgia, serif; background: #fff; border: 1px solid var(--line); padding: .75rem; max-height: 32rem; overflow: auto; }
mark { background: var(--structure); border-bottom: 2px solid rgba(0,0,0,.35); cursor: pointer; color: inherit; }
mark.sev-error { border-bottom-color: #b00020; }
mark.sev-info { border-bottom-style: dotted; }
mark.active { outline: 3px solid var(--focus); }
${['chrome', 'boilerplate', 'repetition', 'spacing', 'dates', 'tortured-phrase', 'encoding', 'structure', 'attribution', 'language'].map((c) => `mark.top-cat-${c}, .tag.cat-${c} { background: var(--${c}); }`).join('\n')}
mark.multi { border-bottom-style: double; border-bottom-width: 4px; }
mark.top-cmp-contradiction { background: #f5b3b3; }
mark.top-cmp-near-duplicate { background: #f6d9a8; }
mark.top-cmp-shared-claim { background: #bfe0f5; }
#verdict { font-size: 1.15rem; }
.badge { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; font-weight: 600; }
.badge.pass { background: #cdebd0; } .badge.review { background: #f8e08e; } .badge.fail { background: #f3b7b7; }
ol { padding-left: 1.5rem; }
li.flag, li.cmp { margin: .4rem 0; padding: .3rem .5rem; border-left: 4px solid var(--line); }
li.flag.active, li.cmp.active { background: #eef4fb; border-left-color: var(--focus); }
.tag { font-size: .8rem; padding: 0 .4rem; border-radius: 3px; margin-right: .3rem; }
q { font-family: ui-monospace, monospace; font-size: .9em; background: #f1f1ec; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
@media (max-width: 50rem) { .sides { grid-template-columns: 1fr; } }
.error { color: #b00020; }
`;
