/** The HTML report's own layout (the highlight styles are in highlight.ts). */
export const PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 14px; color: #1d1d1d; background: #f6f6f3; }
a { color: #0b57d0; }
header.top { padding: 16px 24px 8px; background: #fff; border-bottom: 1px solid #ddd; }
header.top h1 { margin: 0 0 4px; font-size: 20px; }
header.top .sub { color: #555; }
section.block { background: #fff; margin: 12px 24px; padding: 12px 16px; border: 1px solid #ddd; border-radius: 6px; }
section.block > h2 { font-size: 16px; margin: 0 0 8px; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.tiles { display: flex; gap: 8px; }
.tile { min-width: 84px; padding: 8px 10px; border-radius: 6px; color: #fff; text-align: center; }
.tile b { display: block; font-size: 22px; }
.tile.pass, .badge.pass { background: #2e7d32; } .tile.review, .badge.review { background: #b26a00; } .tile.fail, .badge.fail { background: #c62828; } .tile.errors { background: #555; }
.chart figcaption { color: #555; font-size: 12px; }
table.cats, table.index { border-collapse: collapse; }
table.cats td, table.cats th, table.index td, table.index th { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
table.cats td.n, table.index td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; border: 1px solid rgba(0,0,0,.2); background: var(--cat); }
.toolbar { position: sticky; top: 0; z-index: 5; background: #fffdf5; border-bottom: 1px solid #ddd; padding: 6px 24px; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
.toolbar fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: center; }
.toolbar legend { float: left; font-weight: 600; margin-right: 4px; padding: 0; }
.toolbar label { white-space: nowrap; cursor: pointer; }
.toolbar .keys { color: #666; font-size: 12px; margin-left: auto; }
kbd { font: 11px ui-monospace, monospace; border: 1px solid #bbb; border-bottom-width: 2px; border-radius: 3px; padding: 0 3px; background: #fff; }
.index-wrap { max-height: 340px; overflow: auto; }
table.index tr { cursor: pointer; } table.index tr:hover td { background: #f3f6ff; } table.index tr.cur td { background: #e8eefc; }
table.index th { position: sticky; top: 0; background: #fff; }
.badge { display: inline-block; color: #fff; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.pager { display: flex; gap: 8px; align-items: center; margin: 8px 24px; }
.pager button { font: inherit; padding: 2px 10px; }
article.art { background: #fff; margin: 12px 24px; border: 1px solid #ddd; border-radius: 6px; }
article.art > header { padding: 10px 16px; border-bottom: 1px solid #eee; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
article.art > header h2 { font-size: 16px; margin: 0; overflow-wrap: anywhere; }
article.art > header .meta { color: #555; font-size: 12px; }
.art-grid { display: grid; grid-template-columns: minmax(0, 46em) minmax(280px, 1fr); }
.art-grid .cl-text { padding: 12px 20px; }
.side { border-left: 1px solid #eee; }
.side ol { list-style: none; margin: 0; padding: 0; position: sticky; top: calc(var(--tb, 56px) + 4px); max-height: calc(100vh - var(--tb, 56px) - 12px); overflow: auto; }
.side li { padding: 5px 10px 5px 12px; border-bottom: 1px solid #f0f0f0; border-left: 4px solid var(--cat, #ccc); cursor: pointer; font-size: 13px; line-height: 1.35; }
.side li:hover { background: #f7f9ff; }
.side li.on { background: #fff8c4; }
.side li .at { font: 11px ui-monospace, monospace; color: #555; }
.side li .rule { font: 11px ui-monospace, monospace; color: #333; }
.side li.s-error .sev { color: #c62828; } .side li.s-warning .sev { color: #b26a00; } .side li.s-info .sev { color: #0277bd; }
.side li .sev { font-weight: 600; font-size: 11px; text-transform: uppercase; }
.side li q { color: #333; font-style: italic; }
.side li.supp { opacity: .55; }
.side .none { padding: 10px; color: #666; }
details.fold { display: inline; }
details.fold > summary { display: inline-block; cursor: pointer; font-family: system-ui, sans-serif; font-size: 12px; color: #555; background: #eee; border: 1px dashed #bbb; border-radius: 3px; padding: 0 6px; margin: 2px 0; list-style: none; }
details.fold > summary::-webkit-details-marker { display: none; }
details.fold[open] > summary { background: #f6f6f6; }
.notext { padding: 12px 20px; color: #666; font-style: italic; }
.cmp { border: 1px solid #e3e3e3; border-radius: 6px; margin: 8px 0; }
.cmp > .head { padding: 6px 10px; background: #fafafa; border-bottom: 1px solid #eee; }
.cmp .pair { display: grid; grid-template-columns: 1fr 36px 1fr; }
.cmp .pair .one { padding: 8px 10px; min-width: 0; }
.cmp .pair .one .who { font-size: 12px; color: #555; margin-bottom: 4px; overflow-wrap: anywhere; }
.cmp .pair .one .cl-text { font-size: 14px; }
.cmp .pair .join { display: flex; align-items: center; justify-content: center; font-size: 20px; color: #999; text-decoration: none; }
.cmp.contradiction > .head b { color: #c62828; }
.hidden { display: none !important; }
.help { color: #555; font-size: 12px; margin: 4px 24px 24px; }
@media (max-width: 900px) { .art-grid { grid-template-columns: 1fr; } .side { border-left: 0; border-top: 1px solid #eee; } .side ol { position: static; max-height: none; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  .toolbar, .pager, .index-block, .help, .side li .go { display: none !important; }
  section.block, article.art { border: 0; margin: 0 0 12pt; padding: 0; }
  article.art { break-before: page; }
  .art-grid { display: block; }
  .side { border: 0; }
  .side ol { position: static; max-height: none; overflow: visible; }
  .side li { break-inside: avoid; cursor: auto; }
  .cmp { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
