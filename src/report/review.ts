// The review page: out/report/<name>.html. Every change the normaliser made, beside the
// raw lines it came from, in the order of the raw text; the doubts first and highlighted,
// so an editor can check a cleaned edition in a browser in minutes.
import type { BuildReport } from './report.ts';
import { esc } from '../render/xml.ts';
import { minOf } from '../collections.ts';

type Group = 'doubt' | 'removed' | 'joined' | 'relinked' | 'rewritten';

/** What kind of change, in the editor's words. */
export function groupOf(kind: string): Exclude<Group, 'doubt'> {
  if (/^(remove|drop|cruft|page-start|strip)/.test(kind)) return 'removed';
  if (/join|hyphen/.test(kind)) return 'joined';
  if (/note|link|ref/.test(kind)) return 'relinked';
  return 'rewritten';
}

const MAX_LINES = 8;

function rawExcerpt(raw: string[], lines: number[]): string {
  if (!lines.length) return '<p class="none">(the whole text)</p>';
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const shown = sorted.length > MAX_LINES ? [...sorted.slice(0, MAX_LINES - 2), ...sorted.slice(-2)] : sorted;
  const rows = shown.map((no, i) => {
    const gap = i > 0 && no - shown[i - 1] > 1 ? '<tr class="gap"><td></td><td>⋮</td></tr>' : '';
    // Spaces and tabs made visible: a trailing space can be the evidence for a decision.
    const text = esc(raw[no - 1] ?? '').replace(/ +$/, (m) => `<span class="ws">${'·'.repeat(m.length)}</span>`).replace(/\f/g, '<span class="ws">␌</span>');
    return `${gap}<tr><td class="no">${no}</td><td><code>${text}</code></td></tr>`;
  });
  return `<table class="raw">${rows.join('')}</table>`;
}

export function reviewPage(name: string, rawText: string, report: BuildReport): string {
  const raw = rawText.split(/\r\n|\r|\n/);
  type Entry = { group: Group; kind: string; lines: number[]; what: string };
  const entries: Entry[] = [
    ...report.doubts.map((d) => ({ group: 'doubt' as const, kind: d.kind, lines: d.lines, what: esc(d.message) })),
    ...report.changes.map((c) => ({
      group: groupOf(c.kind),
      kind: c.kind,
      lines: c.lines,
      what: [c.from !== undefined ? `<del>${esc(c.from)}</del>` : '', c.to !== undefined ? `<ins>${esc(c.to)}</ins>` : '', c.why ? `<span class="why">${esc(c.why)}</span>` : ''].filter(Boolean).join(' '),
    })),
  ];
  const first = (e: Entry) => (minOf(e.lines, 0));
  const ordered = [...entries].sort((a, b) => Number(b.group === 'doubt') - Number(a.group === 'doubt') || first(a) - first(b));
  const counts = new Map<Group, number>();
  for (const e of entries) counts.set(e.group, (counts.get(e.group) ?? 0) + 1);
  const groups: Group[] = ['doubt', 'removed', 'joined', 'relinked', 'rewritten'];
  const c = report.counts;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Review: ${esc(name)}</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 75em; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; margin: 0 0 0.3em; }
.summary { color: #555; margin-bottom: 1em; }
nav label { display: inline-block; margin: 0 0.4em 0.4em 0; padding: 0.15em 0.6em; border-radius: 1em; background: #eee; cursor: pointer; }
nav label.doubt { background: #ffe08a; }
article { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1em; border-top: 1px solid #ddd; padding: 0.5em 0; }
article.doubt { background: #fff6d5; border-left: 4px solid #e0a800; padding-left: 0.5em; }
.kind { font-weight: 600; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; color: #666; }
article.doubt .kind { color: #8a5a00; }
table.raw { border-collapse: collapse; width: 100%; }
table.raw td { vertical-align: top; padding: 0 0.4em; }
td.no { color: #999; text-align: right; width: 3.5em; font: 12px ui-monospace, monospace; user-select: none; }
code { font: 13px/1.35 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
.ws { color: #c33; }
del { background: #fdd; text-decoration: line-through; }
ins { background: #dfd; text-decoration: none; }
.why { color: #555; display: block; }
.none { color: #999; margin: 0; }
${groups.map((g) => `#hide-${g}:checked ~ main article.${g} { display: none; }`).join('\n')}
input.toggle { display: none; }
${groups.map((g) => `#hide-${g}:checked ~ nav label[for="hide-${g}"] { opacity: 0.4; text-decoration: line-through; }`).join('\n')}
</style>
</head>
<body>
<h1>Review: ${esc(name)}</h1>
<p class="summary">${esc(report.source)} · ${esc(report.encoding)}, ${esc(report.wrapping)} · ${c.words} words, ${c.paragraphs} paragraphs, ${c.headings} headings, ${c.notes} notes${c.pages ? `, ${c.pages} original pages` : ''} · ${report.changes.length} changes, <strong>${report.doubts.length} doubts</strong>. Raw lines on the left (trailing spaces shown as ·), what the normaliser did on the right. Click a group to hide it.</p>
${groups.map((g) => `<input type="checkbox" class="toggle" id="hide-${g}">`).join('\n')}
<nav>${groups.filter((g) => counts.get(g)).map((g) => `<label for="hide-${g}" class="${g}">${g === 'doubt' ? 'doubts' : g} (${counts.get(g)})</label>`).join(' ')}</nav>
<main>
${ordered.map((e) => `<article class="${e.group}"><div>${rawExcerpt(raw, e.lines)}</div><div><div class="kind">${e.group === 'doubt' ? 'doubt: ' : ''}${esc(e.kind)}${e.lines.length ? ` · line ${minOf(e.lines)}` : ''}</div>${e.what}</div></article>`).join('\n')}
</main>
</body>
</html>
`;
}
