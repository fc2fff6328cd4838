import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Block, type Book, type Chapter, type Inline, isListing } from '../../model/book.ts';
import { esc } from '../xml.ts';

export const chapterFile = (ch: Chapter): string => `${ch.id}.xhtml`;

/** Where a note's body lives, relative to a chapter file. */
function noteHref(book: Book, from: Chapter, key: number): string {
  const note = book.notes.get(key);
  const target = note ? book.chapters[note.chapter] : from;
  return `${target === from ? '' : chapterFile(target)}#fn-${note?.id ?? key}`;
}

function inline(book: Book, ch: Chapter, xs: Inline[]): string {
  return xs
    .map((x, k) => {
      switch (x.kind) {
        case 'text':
          return esc(x.text);
        case 'em':
          return `<em>${inline(book, ch, x.children)}</em>`;
        case 'strong':
          return `<strong>${inline(book, ch, x.children)}</strong>`;
        case 'code':
          return `<code>${esc(x.text)}</code>`;
        case 'link':
          return `<a href="${esc(x.href)}">${inline(book, ch, x.children)}</a>`;
        case 'break':
          return '<br/>';
        case 'noteref': {
          const nid = book.notes.get(x.note)?.id ?? String(x.note);
          const id = x.repeat ? `ref-${nid}-${x.repeat}` : `ref-${nid}`;
          // The superscript goes outside the link: Apple Books will not pop up a note whose link holds markup (pandoc #1995).
          // (two marks in a row are set apart by a comma, or "63" and "64" read as "6364")
          const apart = xs[k - 1]?.kind === 'noteref' ? ',' : '';
          return `<sup>${apart}<a epub:type="noteref" role="doc-noteref" id="${id}" href="${noteHref(book, ch, x.note)}">${x.n}</a></sup>`;
        }
        case 'pagebreak':
          // Empty, so the words read and search as one text; the stylesheet shows the number in the margin.
          return `<span epub:type="pagebreak" role="doc-pagebreak" class="pagebreak" id="${esc(x.id)}" title="${esc(x.label)}" aria-label="Page ${esc(x.label)}"></span>`;
      }
    })
    .join('');
}

// A list whose items all open with a label such as "a)" or "(iv)" keeps the labels, hanging.
const LABEL = /^(\(?[a-z]{1,2}\)|\(?\d{1,3}\)|\(?[ivxlc]{1,5}\)|[a-z]\.)\s+/i;
function labelOf(item: Block[]): string | undefined {
  const first = item[0];
  if (first?.kind !== 'para' || first.content[0]?.kind !== 'text') return undefined;
  return LABEL.exec(first.content[0].text)?.[1];
}

function block(book: Book, ch: Chapter, b: Block, shift: number): string {
  switch (b.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, b.level - shift));
      return `<h${level} id="${b.id}">${inline(book, ch, b.content)}</h${level}>`;
    }
    case 'para': {
      const byline = b.content.length === 1 && b.content[0].kind === 'em' && /^by\s/i.test(plainStart(b.content[0].children));
      const cls = byline ? ' class="byline"' : isListing(b) ? ' class="listing"' : '';
      return `<p${cls}>${inline(book, ch, b.content)}</p>`;
    }
    case 'quote':
      return `<blockquote>${b.blocks.map((x) => block(book, ch, x, shift)).join('\n')}</blockquote>`;
    case 'list': {
      const labelled = !b.ordered && b.items.every((it) => labelOf(it));
      const items = b.items.map((it) => {
        if (!labelled) return `<li>${it.map((x) => (x.kind === 'para' ? inline(book, ch, x.content) : block(book, ch, x, shift))).join('')}</li>`;
        const [first, ...rest] = it as [Extract<Block, { kind: 'para' }>, ...Block[]];
        const head = first.content[0] as Extract<Inline, { kind: 'text' }>;
        const label = labelOf(it)!;
        const content: Inline[] = [{ kind: 'text', text: head.text.slice(head.text.indexOf(label) + label.length).replace(/^\s+/, '') }, ...first.content.slice(1)];
        return `<li><span class="label">${esc(label)}</span> ${inline(book, ch, content)}${rest.map((x) => block(book, ch, x, shift)).join('')}</li>`;
      });
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      return `<${tag}${labelled ? ' class="labelled"' : ''}${start}>\n${items.join('\n')}\n</${tag}>`;
    }
    case 'rule':
      return '<hr/>';
    case 'table': {
      const cell = (tag: string, c: Inline[], k: number) => `<${tag}${b.align[k] ? ` class="${b.align[k]}"` : ''}>${inline(book, ch, c)}</${tag}>`;
      const head = b.head.length ? `<thead><tr>${b.head.map((c, k) => cell('th', c, k)).join('')}</tr></thead>` : '';
      return `<table>${head}<tbody>\n${b.rows.map((r) => `<tr>${r.map((c, k) => cell('td', c, k)).join('')}</tr>`).join('\n')}\n</tbody></table>`;
    }
  }
}

const plainStart = (xs: Inline[]) => (xs[0]?.kind === 'text' ? xs[0].text : '');

/** The body of a chapter file: its blocks, then the bodies of the notes it refers to first. */
export function chapterBody(book: Book, ch: Chapter, topLevel: number): string {
  const shift = topLevel - 1; // the chapter's own heading becomes the file's h1
  const parts = ch.blocks.map((b) => block(book, ch, b, shift));
  if (ch.notes.length) {
    parts.push('<hr class="notes"/>');
    for (const key of ch.notes) {
      const note = book.notes.get(key)!;
      const inner = note.blocks.map((b) => block(book, ch, b, shift));
      const back = `<a class="back" href="#ref-${note.id}" role="doc-backlink" title="Back to the text">${note.n}.</a> `;
      if (inner[0]?.startsWith('<p>')) inner[0] = `<p>${back}${inner[0].slice(3)}`;
      else inner.unshift(`<p>${back}</p>`);
      parts.push(`<aside class="footnote" epub:type="footnote" role="doc-footnote" id="fn-${note.id}">${inner.join('')}</aside>`);
    }
  }
  return `<section epub:type="chapter" role="doc-chapter" aria-labelledby="${firstHeadingId(ch) ?? ''}">\n${parts.join('\n')}\n</section>`.replace(' aria-labelledby=""', '');
}

const firstHeadingId = (ch: Chapter) => (ch.blocks[0]?.kind === 'heading' ? ch.blocks[0].id : undefined);

/** The template's chapter file: an EJS text with `lang`, `title` and `content` (the body). */
export const chapterTemplate = (templateDir: string): string => readFileSync(join(templateDir, 'chapter.xhtml'), 'utf8');
