// The EPUB reader (a re-edition): the package's metadata into the front matter, the spine's
// XHTML documents through the HTML reader as one document, so that a reference in one
// chapter finds its note in another (ids and links are qualified by the file they are in).
import JSZip from 'jszip';
import { DOMParser, parseHTML } from 'linkedom';
import { posix } from 'node:path';
import { UserError } from '../errors.ts';
import type { Metadata } from '../normalize/types.ts';
import { bodyElement, readHtml } from './html/index.ts';
import { xhtmlAsHtml } from './html/lines.ts';
import { isPlaceholder } from '../normalize/passes/cruft.ts';
import type { ReadOriginal } from './index.ts';

const DC = ['title', 'creator', 'language', 'date', 'publisher', 'rights', 'description', 'identifier'] as const;

async function text(zip: JSZip, name: string, path: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new UserError(`${path}: the EPUB has no ${name}`);
  return f.async('string');
}

function packageMeta(opf: Document): Metadata {
  const m: Metadata = {};
  const first = (tag: string) => {
    const el = opf.getElementsByTagName(`dc:${tag}`)[0] ?? opf.getElementsByTagName(tag)[0];
    return el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  };
  for (const k of DC) {
    const v = first(k);
    // a making tool's placeholder ("UnknownTitle", "Unknown Author") says nothing (the text's own head may)
    if (!v || isPlaceholder(v)) continue;
    if (k === 'creator') m.author = v;
    else if (k === 'identifier') m.source = v;
    else if (k === 'date') m.date = v.slice(0, 10);
    else m[k] = v;
  }
  return m;
}

// A book's apparatus, not its text (EPUB 3 Structural Semantics): the front matter carries what it says.
const APPARATUS = /\b(?:cover|titlepage|halftitlepage|toc|landmarks|loi|lot|colophon|copyright-page|imprint|imprimatur)\b/;

/** The epub:type a spine document gives itself, on its body or its first section. */
function documentType(body: Element): string {
  const first = body.firstElementChild;
  return `${body.getAttribute('epub:type') ?? ''} ${first && /^(section|div|nav|article)$/i.test(first.localName) ? (first.getAttribute('epub:type') ?? '') : ''}`;
}

/** One spine document's body, with its ids and internal links qualified by its file name; undefined for apparatus. */
function qualified(xhtml: string, file: string, inZip: (p: string) => boolean): string | undefined {
  const { document } = parseHTML(xhtmlAsHtml(xhtml));
  const body = bodyElement(document as unknown as Document);
  if (APPARATUS.test(documentType(body))) return undefined;
  for (const el of Array.from(body.querySelectorAll('[id]'))) el.setAttribute('id', `${file}#${el.getAttribute('id')}`);
  for (const el of Array.from(body.querySelectorAll('a[name]'))) el.setAttribute('name', `${file}#${el.getAttribute('name')}`);
  for (const a of Array.from(body.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // another site
    const [p, frag] = href.split('#');
    const target = p ? posix.normalize(posix.join(posix.dirname(file), decodeURI(p))) : file;
    if (frag !== undefined && inZip(target)) a.setAttribute('href', `#${target}#${frag}`);
  }
  // epub:type note roles are kept as attributes the HTML reader reads
  return `<section data-file="${file.replace(/"/g, '&quot;')}">${body.innerHTML}</section>`;
}

export async function readEpub(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UserError(`${path}: a damaged EPUB (its zip cannot be read)`);
  }
  const container = new DOMParser().parseFromString(await text(zip, 'META-INF/container.xml', path), 'text/xml');
  const opfPath = container.getElementsByTagName('rootfile')[0]?.getAttribute('full-path');
  if (!opfPath) throw new UserError(`${path}: the EPUB's container names no package document`);
  const opf = new DOMParser().parseFromString(await text(zip, opfPath, path), 'text/xml') as unknown as Document;
  const base = posix.dirname(opfPath);
  const manifest = new Map<string, { href: string; type: string; props: string }>();
  for (const it of Array.from(opf.getElementsByTagName('item'))) {
    manifest.set(it.getAttribute('id') ?? '', { href: posix.normalize(posix.join(base, decodeURI(it.getAttribute('href') ?? ''))), type: it.getAttribute('media-type') ?? '', props: it.getAttribute('properties') ?? '' });
  }
  const spine = Array.from(opf.getElementsByTagName('itemref'))
    .filter((r) => r.getAttribute('linear') !== 'no')
    .map((r) => manifest.get(r.getAttribute('idref') ?? ''))
    .filter((x): x is { href: string; type: string; props: string } => !!x && /x?html/.test(x.type) && !/\bnav\b/.test(x.props));
  if (!spine.length) throw new UserError(`${path}: the EPUB's spine has no XHTML documents`);
  const inZip = (p: string) => !!zip.file(p);
  const parts: string[] = [];
  const skipped: string[] = [];
  for (const item of spine) {
    const f = zip.file(item.href);
    if (!f) throw new UserError(`${path}: the EPUB's spine names ${item.href}, which it does not hold`);
    const part = qualified(await f.async('string'), item.href, inZip);
    if (part) parts.push(part);
    else skipped.push(item.href);
  }
  const combined = `<!DOCTYPE html><html><body>\n${parts.join('\n')}\n</body></html>`;
  const doc = readHtml(combined, { mainContent: false });
  doc.meta = packageMeta(opf);
  doc.carrier = 'EPUB';
  if (skipped.length) doc.changes.push({ kind: 'remove-apparatus', lines: [], from: skipped.join(', '), why: "the book's cover, title page, contents or colophon (by their epub:type): the front matter carries what they say" });
  if (!doc.blocks.some((b) => /[\p{L}\p{N}]/u.test(b.text))) throw new UserError(`${path}: the EPUB has no body text`);
  return { doc, rawText: combined, encoding: 'UTF-8 (EPUB)', decoding: [] };
}
