#include "book/html_assets.hpp"

namespace fearless::check {

const std::string_view book_css = R"css(
:root { --fg:#1f2328; --muted:#59636e; --bg:#ffffff; --panel:#f6f8fa; --line:#d1d9e0; --accent:#0969da;
  --hl:#fff8c5; --hl-edge:#d4a72c; --err:#cf222e; --ok:#1a7f37; --note:#8250df;
  --mono: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 16px/1.55 var(--sans); }
main { max-width: 72rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 .25rem; word-break: break-word; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: .95rem; margin: .2rem 0 .4rem; color: var(--muted); font-weight: 600; }
code, pre { font-family: var(--mono); font-size: .84rem; }
pre { margin: 0; padding: .75rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  overflow-x: auto; line-height: 1.45; }
.lead { color: var(--muted); margin: 0 0 1rem; }
.crumbs { font-size: .9rem; color: var(--muted); }
.badges { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0 1rem; }
.badge { font-size: .75rem; padding: .1rem .55rem; border-radius: 1rem; border: 1px solid var(--line);
  color: var(--muted); background: var(--panel); white-space: nowrap; }
.badge.fail { color: var(--err); border-color: #ffcecb; background: #ffebe9; }
.badge.pass { color: var(--ok); border-color: #aceebb; background: #dafbe1; }
.badge.listing { color: var(--note); border-color: #d8b9ff; background: #fbefff; }
.prose p { margin: 0 0 .8rem; max-width: 46rem; }
/* the index */
.search { position: sticky; top: 0; z-index: 1; background: var(--bg); padding: .75rem 0; display: flex;
  flex-wrap: wrap; gap: .5rem 1rem; align-items: center; border-bottom: 1px solid var(--line); }
.search input { flex: 1 1 16rem; font: inherit; padding: .45rem .7rem; border: 1px solid var(--line);
  border-radius: 6px; }
.search .counter { color: var(--muted); font-size: .9rem; }
.toc { columns: 2 18rem; margin: 1rem 0 0; padding: 0; list-style: none; font-size: .92rem; }
.toc li { break-inside: avoid; padding: .1rem 0; }
.count { color: var(--muted); font-size: .85rem; font-weight: normal; }
.chapter h2 code { font-size: 1.05rem; background: none; }
.chapter > p { color: var(--muted); margin: 0 0 .6rem; max-width: 46rem; }
.cases { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem;
  grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
.case { border: 1px solid var(--line); border-radius: 6px; padding: .55rem .8rem; background: var(--bg); }
.case.twin { background: var(--panel); }
.case .gist { margin: .2rem 0 0; color: var(--muted); font-size: .88rem; }
.case .badges { margin: .3rem 0 0; }
.case a { font-weight: 600; word-break: break-word; }
.empty { color: var(--muted); display: none; }
/* a case page */
.code { padding: .6rem 0; }
.code .line { display: block; padding: 0 1rem 0 0; white-space: pre; min-height: 1.45em; }
.code .ln { display: inline-block; width: 3.2rem; padding-right: .9rem; text-align: right; color: #8c959f;
  user-select: none; }
.code .hl { background: var(--hl); box-shadow: inset 3px 0 var(--hl-edge); }
.code .hl .ln { color: var(--fg); font-weight: 700; }
/* beside its line; on a line wider than the box it stays in view at the right edge */
.code .note { display: inline-block; position: sticky; right: 0; margin-left: 1.5rem; padding: 0 .6rem;
  color: var(--err); background: var(--hl); box-shadow: -.75rem 0 .75rem var(--hl); font-family: var(--sans);
  font-size: .82rem; font-weight: 600; white-space: nowrap; }
.code .note::before { content: "\2190  "; }
.tabs { display: flex; flex-wrap: wrap; gap: .3rem; margin-bottom: -1px; }
.tab { font: inherit; font-size: .85rem; padding: .35rem .8rem; border: 1px solid var(--line);
  border-bottom: none; border-radius: 6px 6px 0 0; background: var(--panel); color: var(--muted); cursor: pointer; }
.tab[aria-selected="true"] { background: var(--bg); color: var(--fg); font-weight: 600;
  box-shadow: inset 0 2px var(--accent); }
.panel { margin-bottom: 1rem; }
.panel .holds { font-size: .82rem; color: var(--muted); margin: .3rem 0 .4rem; }
.panel pre, .js .panel pre { border-radius: 0 6px 6px 6px; }
/* the message lines wrap (they are prose); the source and caret lines keep their columns */
.snapshot .err, .snapshot .nt { display: block; white-space: pre-wrap; padding-left: 2ch; text-indent: -2ch; }
.snapshot .err { color: var(--err); font-weight: 700; }
.snapshot .nt { color: var(--note); font-weight: 600; }
.diff .add { color: var(--ok); background: #dafbe1; display: block; }
.diff .del { color: var(--err); background: #ffebe9; display: block; }
.diff .hunk { color: var(--note); display: block; }
.diff .file { color: var(--muted); display: block; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 640px) {
  main { padding: .75rem .8rem 2rem; }
  h1 { font-size: 1.35rem; }
  .cases { grid-template-columns: 1fr; }
  .code .line.hl { white-space: pre; }
  .code .note { display: block; position: sticky; left: 0; right: auto; width: min(100%, 22rem);
    margin: .1rem 0 .3rem; padding-left: 3.2rem; box-shadow: none; white-space: normal; }
  .code .note::before { content: "\2191  "; }
}
)css";

const std::string_view book_js = R"js(
document.documentElement.classList.add('js');
document.querySelectorAll('.tabs').forEach(function (tabs) {
  var buttons = tabs.querySelectorAll('.tab');
  var panels = tabs.parentNode.querySelectorAll('.panel');
  function show(i) {
    buttons.forEach(function (b, k) { b.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    panels.forEach(function (p, k) { p.hidden = k !== i; });
  }
  buttons.forEach(function (b, k) { b.addEventListener('click', function () { show(k); }); });
  show(0);
});
(function () {
  var input = document.getElementById('q');
  if (!input) return;
  var cases = document.querySelectorAll('.case');
  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cases.forEach(function (c) {
      var text = c.getAttribute('data-text');
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      c.hidden = !hit;
      if (hit) shown++;
    });
    document.querySelectorAll('.chapter').forEach(function (ch) {
      ch.hidden = !ch.querySelector('.case:not([hidden])');
    });
    document.getElementById('shown').textContent = String(shown);
    document.getElementById('none').style.display = shown ? 'none' : 'block';
  }
  input.addEventListener('input', filter);
  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  filter();
})();
)js";

}  // namespace fearless::check
