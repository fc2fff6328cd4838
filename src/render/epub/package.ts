// The package documents: OPF (metadata, manifest, spine), the EPUB 3 nav and the NCX.
// Written here rather than by epub-gen-memory's defaults, which hard-code the language,
// an "All rights reserved" line and a flat contents list.
import { createHash } from 'node:crypto';
import type { Book, Block, Chapter } from '../../model/book.ts';
import { plain } from '../../model/book.ts';
import { esc } from '../xml.ts';
import { chapterFile } from './xhtml.ts';
import { maxOf } from '../../collections.ts';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
  /** In the spine, in this order; `linear: false` for pages read only on demand. */
  spine?: { linear: boolean };
}

/** A name-based UUID (RFC 4122 version 5): the same text always gets the same identifier. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

interface NavEntry {
  title: string;
  href: string;
  children: NavEntry[];
}

/** The contents tree: chapters, and inside each the headings nested by level. */
export function navTree(book: Book, topLevel: number): NavEntry[] {
  const chapters = chapterEntries(book, topLevel);
  if (!book.parts.length) return chapters;
  // A pack: pieces → chapters.
  const out: NavEntry[] = [];
  book.chapters.forEach((ch, ci) => {
    if (ch.part === undefined) return void out.push(chapters[ci]);
    const pt = book.parts[ch.part];
    let entry = out.find((e) => e.href === `${pt.id}.xhtml`);
    if (!entry) out.push((entry = { title: pt.title + (pt.author ? ` — ${pt.author}` : ''), href: `${pt.id}.xhtml`, children: [] }));
    // The text before a piece's first heading goes by the piece's title: the part entry stands for it.
    if (ch.title === pt.title) entry.children.push(...chapters[ci].children);
    else entry.children.push(chapters[ci]);
  });
  return out;
}

function chapterEntries(book: Book, topLevel: number): NavEntry[] {
  return book.chapters.map((ch: Chapter) => {
    const entry: NavEntry = { title: ch.title, href: chapterFile(ch), children: [] };
    const stack: { level: number; list: NavEntry[] }[] = [{ level: topLevel, list: entry.children }];
    for (const b of ch.blocks) {
      if (b.kind !== 'heading' || b.level <= topLevel) continue;
      while (stack.length > 1 && stack[stack.length - 1].level >= b.level) stack.pop();
      const e: NavEntry = { title: plain((b as Extract<Block, { kind: 'heading' }>).content), href: `${chapterFile(ch)}#${b.id}`, children: [] };
      stack[stack.length - 1].list.push(e);
      stack.push({ level: b.level, list: e.children });
    }
    return entry;
  });
}

const navList = (xs: NavEntry[], indent = ''): string =>
  `${indent}<ol>\n${xs
    .map((e) => `${indent}  <li><a href="${esc(e.href)}">${esc(e.title)}</a>${e.children.length ? `\n${navList(e.children, `${indent}    `)}\n${indent}  ` : ''}</li>`)
    .join('\n')}\n${indent}</ol>`;

export function navDocument(book: Book, tree: NavEntry[], landmarks: { type: string; href: string; title: string }[], pageList: { label: string; href: string }[]): string {
  const lang = esc(book.meta.language);
  const pages = pageList.length
    ? `\n<nav epub:type="page-list" role="doc-pagelist" aria-label="Pages of the original edition" hidden="hidden">\n<ol>\n${pageList.map((p) => `  <li><a href="${esc(p.href)}">${esc(p.label)}</a></li>`).join('\n')}\n</ol>\n</nav>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>Contents</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">Contents</h1>
${navList(tree)}
</nav>
<nav epub:type="landmarks" aria-label="Landmarks" hidden="hidden">
<ol>
${landmarks.map((l) => `  <li><a epub:type="${l.type}" href="${esc(l.href)}">${esc(l.title)}</a></li>`).join('\n')}
</ol>
</nav>${pages}
</body>
</html>
`;
}

export function ncxDocument(book: Book, uid: string, tree: NavEntry[]): string {
  let order = 0;
  const depth = (xs: NavEntry[]): number => (xs.length ? 1 + Math.max(...xs.map((x) => depth(x.children))) : 0);
  const points = (xs: NavEntry[], indent: string): string =>
    xs
      .map((e) => {
        const n = ++order; // taken before the children number themselves
        const kids = e.children.length ? `\n${points(e.children, `${indent}  `)}` : '';
        return `${indent}<navPoint id="np-${n}" playOrder="${n}">\n${indent}  <navLabel><text>${esc(e.title)}</text></navLabel>\n${indent}  <content src="${esc(e.href)}"/>${kids}\n${indent}</navPoint>`;
      })
      .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${esc(book.meta.language)}">
<head>
  <meta name="dtb:uid" content="urn:uuid:${uid}"/>
  <meta name="dtb:depth" content="${depth(tree)}"/>
  <meta name="dtb:totalPageCount" content="${book.pages.length}"/>
  <meta name="dtb:maxPageNumber" content="${Math.max(0, maxOf(book.pages.map((p) => Number(p.label)).filter(Number.isFinite)))}"/>
</head>
<docTitle><text>${esc(book.meta.title)}</text></docTitle>
<navMap>
${points(tree, '  ')}
</navMap>
</ncx>
`;
}

/**
 * Who made the book: its author; for a reading pack its editor (readers show the creator as
 * the book's author, as for an anthology), with each piece's author as a contributor.
 */
function people(book: Book): string {
  const m = book.meta;
  const person = (tag: string, id: string, name: string, role: string) => `\n    <${tag} id="${id}">${esc(name)}</${tag}>\n    <meta refines="#${id}" property="role" scheme="marc:relators">${role}</meta>`;
  let out = '';
  if (m.author) out += person('dc:creator', 'creator', String(m.author), 'aut');
  if (m.editor) out += person(m.author ? 'dc:contributor' : 'dc:creator', 'editor', String(m.editor), 'edt');
  const authors = [...new Set(book.parts.map((p) => p.author).filter((a): a is string => !!a))];
  authors.forEach((a, i) => (out += person('dc:contributor', `contributor-${i + 1}`, a, 'aut')));
  return out;
}

/** dc:source: the printed edition, refined as the source of the page list when there is one (Ace, EPUB a11y 1.0). */
function sourceMeta(book: Book): string {
  const m = book.meta;
  const src = m.original_publication ?? m.source ?? (book.parts.length ? book.parts.map((p) => p.original_publication ?? p.source ?? p.title).join('; ') : undefined);
  if (!src) return '';
  if (!book.pages.length) return `\n    <dc:source>${esc(String(src))}</dc:source>`;
  return `\n    <dc:source id="page-source">${esc(String(src))}</dc:source>\n    <meta refines="#page-source" property="source-of">pagination</meta>`;
}

export function opfDocument(book: Book, uid: string, modified: string, items: ManifestItem[], publisher: string): string {
  const m = book.meta;
  const opt = (tag: string, v: unknown) => (v ? `\n    <${tag}>${esc(String(v))}</${tag}>` : '');
  const description = m.description || `${m.title}${m.author ? `, by ${m.author}` : ''}: a cleaned edition.`;
  const summary =
    'This publication meets basic accessibility requirements: it has a structured table of contents, headings in order, footnotes linked both ways with ARIA roles, and a text alternative for the cover image. Text can be resized and restyled by the reader.';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${esc(m.language)}" prefix="schema: http://schema.org/">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">urn:uuid:${uid}</dc:identifier>
    <dc:title id="title">${esc(m.title)}</dc:title>${m.subtitle ? `\n    <dc:title id="subtitle">${esc(String(m.subtitle))}</dc:title>\n    <meta refines="#subtitle" property="title-type">subtitle</meta>\n    <meta refines="#title" property="title-type">main</meta>` : ''}
    <dc:language>${esc(m.language)}</dc:language>${people(book)}${opt('dc:date', m.date)}
    <dc:publisher>${esc(publisher)}</dc:publisher>
    <dc:description>${esc(String(description))}</dc:description>${opt('dc:rights', m.rights)}${sourceMeta(book)}
    <meta property="dcterms:modified">${modified}</meta>
    <meta name="cover" content="cover-image"/>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta property="schema:accessibilityFeature">displayTransformability</meta>
    <meta property="schema:accessibilityHazard">none</meta>${
      book.pages.length
        ? `\n    <meta property="schema:accessibilityFeature">pageBreakMarkers</meta>\n    <meta property="schema:accessibilityFeature">pageNavigation</meta>`
        : ''
    }
    <meta property="schema:accessibilitySummary">${summary}</meta>
  </metadata>
  <manifest>
${items.map((i) => `    <item id="${i.id}" href="${esc(i.href)}" media-type="${i.mediaType}"${i.properties ? ` properties="${i.properties}"` : ''}/>`).join('\n')}
  </manifest>
  <spine toc="ncx">
${items.filter((i) => i.spine).map((i) => `    <itemref idref="${i.id}"${i.spine!.linear ? '' : ' linear="no"'}/>`).join('\n')}
  </spine>
</package>
`;
}
