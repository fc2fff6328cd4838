import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../../errors.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EPub } from 'epub-gen-memory';
import type { Book, Part } from '../../model/book.ts';
import { esc } from '../xml.ts';
import { chapterBody, chapterFile, chapterTemplate } from './xhtml.ts';
import { navDocument, navTree, ncxDocument, opfDocument, uuidV5, type ManifestItem } from './package.ts';
import { cachedCoverPng } from './cover.ts';
import { charactersOf, subsetFonts } from './fontsubset.ts';
import { zipArchive } from './zip.ts';
import { minOf } from '../../collections.ts';

export interface EpubOptions {
  templateDir: string;
  fontsDir: string;
  /** The moment recorded as dcterms:modified and on every zip entry. */
  modified: Date;
  publisher: string;
  /** Text the identifier is derived from (the Markdown): same text, same identifier. */
  identitySource: string;
  /** Where drawn covers are kept between builds (none: drawn every time). */
  cacheDir?: string;
}

const FONTS = [
  { file: 'LinLibertine_R.otf', id: 'font-r' },
  { file: 'LinLibertine_RI.otf', id: 'font-ri' },
  { file: 'LinLibertine_RB.otf', id: 'font-rb' },
  { file: 'LinLibertine_RBI.otf', id: 'font-rbi' },
];

function titlePage(book: Book): string {
  const m = book.meta;
  const line = (cls: string, v: unknown) => (v ? `<p class="${cls}">${esc(String(v))}</p>` : '');
  return `<section class="titlepage" epub:type="titlepage" aria-label="Title page">
<h1>${esc(m.title)}</h1>
${line('subtitle', m.subtitle)}
${line('author', m.author)}
${line('editor', m.editor ? `Edited by ${m.editor}` : '')}
${line('date', m.date)}
${line('original', m.original_publication)}
</section>`;
}

function partPage(pt: Part): string {
  const line = (cls: string, v: unknown) => (v ? `<p class="${cls}">${esc(String(v))}</p>` : '');
  return `<section class="part" epub:type="part" role="doc-part" aria-labelledby="${pt.id}-title">
<h1 id="${pt.id}-title">${esc(pt.title)}</h1>
${line('subtitle', pt.subtitle)}
${line('author', pt.author)}
${line('date', pt.original_publication ?? pt.date)}
${line('translator', pt.translator ? `Translated by ${pt.translator}` : '')}
${line('source', pt.source ? `Source: ${pt.source}` : '')}
</section>`;
}

function colophon(book: Book, publisher: string, modified: Date): string {
  const m = book.meta;
  const p = (label: string, v: unknown) => (v ? `<p><strong>${label}</strong> ${esc(String(v))}</p>` : '');
  return `<section class="colophon" epub:type="colophon" role="doc-colophon" aria-labelledby="colophon-title">
<h1 id="colophon-title">Colophon</h1>
${p('Title:', m.title)}
${p('Author:', m.author)}
${book.parts.length ? `${p('Edited by:', m.editor)}\n${p('Compiled:', m.date)}` : p('First published:', m.original_publication ?? m.date)}
${p('Source of this edition:', m.source)}
${book.parts.map((pt) => p(`${pt.title}${pt.author ? `, by ${pt.author}` : ''}.`, [pt.original_publication ?? pt.date, pt.source ? `Source: ${pt.source}` : '', pt.rights ? `Rights: ${pt.rights}` : ''].filter(Boolean).join('. '))).join('\n')}
<p>This edition was made from the source text by <em>editions</em>: page numbers, running heads, web page matter and line-end hyphens were removed, paragraphs rejoined, footnotes relinked and numbered in reading order, and the typography made consistent. Every change is listed in the build report of the edition.</p>
${p('Rights:', m.rights ?? 'Not stated by the source; check before redistributing.')}
${p('Published by:', publisher)}
<p>Set in Linux Libertine (SIL Open Font License 1.1; the licence is at the end of this book). Built ${esc(modified.toISOString().slice(0, 10))}.</p>
</section>`;
}

/**
 * Book → EPUB 3. Chapters, fonts, CSS and the zip are epub-gen-memory's work; the package
 * documents (OPF with accessibility metadata, nested nav, NCX) and the cover are ours, and
 * every zip entry gets the same fixed date, so two builds are byte-identical.
 */
export async function renderEpub(book: Book, o: EpubOptions): Promise<Buffer> {
  for (const f of FONTS) if (!existsSync(join(o.fontsDir, f.file))) throw new UserError(`${join(o.fontsDir, f.file)}: font file not found`);
  const uid = uuidV5(o.identitySource);
  const lang = book.meta.language;
  const levels = book.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level));
  const top = minOf(levels, 1);
  const css = readFileSync(join(o.templateDir, 'epub.css'), 'utf8');
  const licence = readFileSync(join(o.fontsDir, 'OFL.txt'), 'utf8');

  // Pages around the text: each its own file, as epub-gen-memory chapters.
  const front = [
    { filename: 'cover.xhtml', title: 'Cover', content: `<section class="cover" epub:type="cover"><img src="cover.png" alt="${esc(`Cover: ${book.meta.title}${book.meta.author ? `, by ${book.meta.author}` : ''}`)}"/></section>` },
    { filename: 'titlepage.xhtml', title: 'Title page', content: titlePage(book) },
  ];
  // A pack's pieces each open with a part page: title, author, date and source.
  const chapters = book.chapters.flatMap((ch, ci) => {
    const file = { filename: chapterFile(ch), title: ch.title, content: chapterBody(book, ch, top) };
    const opens = ch.part !== undefined && book.chapters.findIndex((c) => c.part === ch.part) === ci;
    return opens ? [{ filename: `${book.parts[ch.part!].id}.xhtml`, title: book.parts[ch.part!].title, content: partPage(book.parts[ch.part!]) }, file] : [file];
  });
  const back = [
    { filename: 'colophon.xhtml', title: 'Colophon', content: colophon(book, o.publisher, o.modified) },
    { filename: 'licence.xhtml', title: 'Font licence', content: `<section class="licence" epub:type="copyright-page" aria-labelledby="licence-title"><h1 id="licence-title">Font licence</h1><pre>${esc(licence)}</pre></section>` },
  ];
  // The cover's <img> is kept out of epub-gen-memory's reach (it would try to fetch it).
  const coverMarker = '<!--cover-->';
  const all = [...front, ...chapters, ...back].map((c) => ({ ...c, content: c.content.replace(/<img src="cover.png"[^>]*\/>/, coverMarker) }));

  const tree = navTree(book, top);
  const items: ManifestItem[] = [
    { id: 'nav', href: 'toc.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav', spine: { linear: true } },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: 'cover-image', href: 'cover.png', mediaType: 'image/png', properties: 'cover-image' },
    ...FONTS.map((f) => ({ id: f.id, href: `fonts/${f.file}`, mediaType: 'font/otf' })),
    ...all.map((c, i) => ({ id: `x${String(i).padStart(3, '0')}`, href: c.filename, mediaType: 'application/xhtml+xml', spine: { linear: true } })),
  ];
  // Reading order: cover, title page, contents, text, colophon, licence.
  const spineOrder = [items[4 + FONTS.length], items[5 + FONTS.length], items[0], ...items.slice(6 + FONTS.length)];
  const ordered = [...spineOrder, ...items.filter((i) => !spineOrder.includes(i))];
  const landmarks = [
    { type: 'cover', href: 'cover.xhtml', title: 'Cover' },
    { type: 'titlepage', href: 'titlepage.xhtml', title: 'Title page' },
    { type: 'toc', href: 'toc.xhtml#toc', title: 'Contents' },
    { type: 'bodymatter', href: chapters[0] ? chapters[0].filename : 'titlepage.xhtml', title: 'Start of the text' },
  ];
  const modified = o.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ejsLiteral = (s: string) => s.replace(/<%/g, '<%%');

  const epub = new EPub(
    {
      title: book.meta.title,
      author: book.meta.author ? String(book.meta.author) : undefined,
      description: String(book.meta.description ?? book.meta.title),
      publisher: o.publisher,
      lang,
      css,
      version: 3,
      chapterXHTML: chapterTemplate(o.templateDir),
      contentOPF: ejsLiteral(opfDocument(book, uid, modified, ordered, o.publisher)),
      tocXHTML: ejsLiteral(navDocument(book, tree, landmarks, book.pages.map((pg) => ({ label: pg.label, href: `${chapterFile(book.chapters[pg.chapter])}#${pg.id}` })))),
      tocNCX: ejsLiteral(ncxDocument(book, uid, tree)),
      fonts: FONTS.map((f) => ({ filename: f.file, url: pathToFileURL(join(o.fontsDir, f.file)).href })),
      verbose: false,
    },
    all,
  );
  await epub.render();
  const zip = (epub as unknown as { zip: import('jszip') }).zip;
  // Put the cover back, now that sanitising and fetching are done.
  const cover = all[0];
  const coverImg = `<img src="cover.png" alt="${esc(`Cover: ${book.meta.title}${book.meta.author ? `, by ${book.meta.author}` : ''}`)}"/>`;
  const coverFile = `OEBPS/${cover.filename}`;
  zip.file(coverFile, (await zip.file(coverFile)!.async('string')).replace(coverMarker, coverImg));
  zip.file(
    'OEBPS/cover.png',
    await cachedCoverPng({ title: book.meta.title, subtitle: book.meta.subtitle as string | undefined, author: (book.meta.author ?? (book.meta.editor ? `Edited by ${book.meta.editor}` : undefined)) as string | undefined, fontsDir: o.fontsDir, regular: FONTS[0].file, italic: FONTS[1].file }, o.cacheDir),
  );
  await subsetFonts(zip, FONTS.map((f) => `OEBPS/fonts/${f.file}`), await charactersOf(zip));
  // epub-gen-memory put every file in its zip; the container is written from them.
  const names = Object.keys(zip.files).sort((a, b) => (a === 'mimetype' ? -1 : b === 'mimetype' ? 1 : 0));
  const entries = await Promise.all(names.map(async (name) => (zip.files[name].dir ? { name } : { name, data: await zip.files[name].async('nodebuffer'), store: name === 'mimetype' })));
  return zipArchive(entries, o.modified);
}

