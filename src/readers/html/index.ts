// The HTML reader: a saved web page (or an EPUB's chapter) to the normaliser's blocks and
// note bodies. The markup is parsed (linkedom), the page's notes are taken from its own
// links first, then its main content is chosen (Mozilla's Readability, as Firefox's reader
// view does) and its tags give the structure. Scripts are never run: the DOM has no engine.
import { isCodeLine } from '../../normalize/code.ts';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Block, Change, Metadata } from '../../normalize/types.ts';
import type { ReadDocument } from '../types.ts';
import { tagLines } from './lines.ts';
import { takeNotes } from './notes.ts';
import { blocksOf } from './blocks.ts';
import { dropContents } from './contents.ts';
import { dropEtextFrame, etextCatalogue } from './etext.ts';
import { isPageNumber, lineOf } from './inline.ts';
import { minOf, pushAll } from '../../collections.ts';

export interface HtmlOptions {
  /** Choose the page's main content (a web page); an EPUB chapter is all content. */
  mainContent: boolean;
}

const metaContent = (doc: Document, names: string[]): string | undefined => {
  for (const n of names) {
    const el = doc.querySelector(`meta[name="${n}" i], meta[property="${n}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
};

/**
 * A parsed page's body element. Pages that open several <html> tags (old IE conditional
 * comments) leave linkedom's document.body an empty stand-in, the real body nested deeper.
 */
export function bodyElement(document: Document): Element {
  return (document.querySelector('body') ?? document.body ?? document.documentElement) as Element;
}

export function readHtml(html: string, opts: HtmlOptions = { mainContent: true }): ReadDocument {
  const { document } = parseHTML(tagLines(html));
  const root = bodyElement(document as unknown as Document);
  const changes: Change[] = [];
  // what the page itself calls navigation never reaches the text
  for (const el of Array.from(root.querySelectorAll('nav, [role="navigation"], [role="search"], [role="banner"] nav, form'))) {
    if (!el.isConnected || el.querySelector('sup a[href^="#"]')) continue;
    changes.push({ kind: 'remove-navigation', lines: [lineOf(el)].filter(Boolean), from: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80) });
    el.remove();
  }
  dropUnprinted(root, changes);
  // (a saved page's, not an EPUB's: a book's chapter set in <pre> is verse or a listing of the book's)
  const plainText = opts.mainContent ? preformattedText(root) : undefined;
  if (plainText !== undefined) return { blocks: [], bodies: [], meta: {}, hints: {}, changes, doubts: [], carrier: 'HTML', plainText };
  dropPageNumbers(root, changes);
  dropLinkTables(root, changes);
  dropContents(root, changes);
  const notes = takeNotes(root);
  pushAll(changes, notes.changes);
  const doubts = [...notes.doubts];
  const meta: Metadata = {};
  const lang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang');
  if (lang) meta.language = lang.trim();
  const author = metaContent(document, ['author', 'dc.creator', 'article:author']);
  if (author && !/^https?:/.test(author)) meta.author = author;
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  let blocks = blocksOf(root);
  const catalogue = etextCatalogue(blocks);
  if (opts.mainContent) {
    const whole = blocks;
    const firstH1 = root.querySelector('h1');
    // Readability works on (and changes) a copy: the notes are already out of it.
    const { document: copy } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
    copy.body.replaceWith(copy.importNode(root, true));
    const article = new Readability(copy as unknown as Document, { charThreshold: 500, keepClasses: true }).parse();
    if (article?.content) {
      const { document: main } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
      blocks = restoreCited(whole, blocksOf(main.body as Element), changes);
      // Readability gives the title apart from the content: the page's own h1 heads it again
      const h1 = whole.find((b) => b.kind === 'heading' && firstH1 && b.lines[0] === Number(firstH1.getAttribute('data-editions-line')));
      if (h1 && !blocks.some((b) => b.text === h1.text)) blocks.unshift({ ...h1, level: 1 });
      changes.push({ kind: 'remove-page-chrome', lines: [], why: `the page's main content chosen (Readability): ${blocks.length} of ${whole.length} blocks kept; navigation, menus, forms and footers left out` });
      if (article.byline && !meta.author && article.byline.length < 80) meta.author = article.byline.replace(/^by\s+/i, '').trim();
    } else doubts.push({ kind: 'main-content', lines: [], message: 'no main content could be told from the page: all of its body kept' });
  }
  blocks = levelled(dropEtextFrame(blocks, changes));
  if (pageTitle) meta.title = pageTitle;
  // an e-text's own catalogue fields name it better than the page's title ("The Project Gutenberg eBook of …")
  Object.assign(meta, catalogue);
  return { blocks, bodies: notes.bodies, meta: {}, hints: meta, changes, doubts, carrier: 'HTML' };
}

const letterCount = (t: string | null) => (t ?? '').replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * The text of a page that is a plain text in <pre> (an RFC, a text file saved as a page): its
 * preformatted blocks hold nearly all of its words and their lines read as prose, not as a
 * listing — its pages, heads and wrapped paragraphs are the text chain's to read (here its
 * page anchors would read as references and its pages as their notes).
 */
function preformattedText(root: Element): string | undefined {
  const pres = Array.from(root.querySelectorAll('pre')).filter((p) => !p.parentElement?.closest('pre'));
  if (!pres.length) return undefined;
  const inPre = pres.reduce((n, p) => n + letterCount(p.textContent), 0);
  if (inPre < 0.8 * letterCount(root.textContent)) return undefined;
  const text = pres.map((p) => (p.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '')).join('\n\f');
  const lines = text.split('\n').filter((l) => /\p{L}{2}/u.test(l));
  const prose = lines.filter((l) => !isCodeLine(l) && l.trim().split(/\s+/).length >= 4).length;
  return lines.length >= 20 && prose >= 0.6 * lines.length ? `${text}\n` : undefined;
}

/**
 * A table that is links and little else — a dozen links or more making up most of its text, as
 * a wiki's navigation box lists its other pages ("Banishing Charm · Blackboard Writing Spell ·
 * …") — is the site's navigation: the measure Readability weighs a block by (its link
 * density), applied to the tables it keeps. Anything that cites a note stays.
 */
function dropLinkTables(root: Element, changes: Change[]): void {
  for (const t of Array.from(root.querySelectorAll('table'))) {
    if (!t.isConnected || t.querySelector('sup a[href^="#"], a[href^="#cite_note"]')) continue;
    const links = Array.from(t.querySelectorAll('a[href]')).filter((a) => !(a.getAttribute('href') ?? '').startsWith('#'));
    const letters = (x: string | null) => (x ?? '').replace(/[\s·•|()*,;:–—-]+/g, '').length;
    const all = letters(t.textContent);
    if (links.length < 12 || !all || links.reduce((n, a) => n + letters(a.textContent), 0) < 0.7 * all) continue;
    changes.push({ kind: 'remove-navigation', lines: [lineOf(t)].filter(Boolean), from: (t.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80), why: `a table of ${links.length} links and little else: the site's navigation` });
    t.remove();
  }
}

// what a page's own print style leaves out (its classes say so): taglines, edit links, toolbars
const UNPRINTED = '.noprint, .no-print, .d-print-none, .hidden-print, .print-hidden, .not-printable';

/**
 * What the page says is not part of the printed text — elements of its non-printing classes
 * (a wiki's tagline "From Wikipedia, the free encyclopedia", its navigation boxes) and the links
 * to edit a section with the brackets around them ("[edit]") — never reaches the text. Anything
 * that cites a note stays.
 */
function dropUnprinted(root: Element, changes: Change[]): void {
  const gone: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(UNPRINTED))) if (!el.querySelector('sup a[href^="#"], a[href^="#cite_note"]')) gone.push(el);
  for (const a of Array.from(root.querySelectorAll('a[href*="action=edit"]'))) {
    // the link and what only brackets it: "[", "edit", "]"
    let el: Element = a;
    while (el.parentElement && !/^H[1-6]$/.test(el.parentElement.tagName) && /^[\s[\]|]*$/.test((el.parentElement.textContent ?? '').replace(el.textContent ?? '', ''))) el = el.parentElement;
    gone.push(el);
  }
  for (const el of gone) {
    if (!el.isConnected) continue;
    changes.push({ kind: 'remove-page-chrome', lines: [lineOf(el)].filter(Boolean), from: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80), why: 'the page leaves it out of print (an edit link, a tagline, a navigation box)' });
    el.remove();
  }
}

/**
 * The print edition's page numbers set into the page (`<span class="pagenum">8</span>`, a
 * `<div>` of its own between chapters): taken out before the main content is chosen, which
 * would make such a div a bare paragraph "8".
 */
function dropPageNumbers(root: Element, changes: Change[]): void {
  for (const el of Array.from(root.querySelectorAll('span, div, p, a, small, ins, sup'))) {
    if (!el.isConnected || !isPageNumber(el)) continue;
    changes.push({ kind: 'remove-page-marker', lines: [lineOf(el)].filter(Boolean), from: (el.textContent ?? '').trim(), why: 'a page number of the print edition set into the page' });
    el.remove();
  }
}

/**
 * A block that cites a note is text, whatever the content chooser thought of its box (an
 * infobox, a gallery caption): every such block it left out comes back, in the page's order.
 */
function restoreCited(whole: Block[], chosen: Block[], changes: Change[]): Block[] {
  // blocks are told apart by the source line they start on, which the copy keeps
  const kept = new Set(chosen.flatMap((b) => b.lines));
  const back = whole.filter((b) => b.text.includes('\uE000') && b.lines.length && !kept.has(b.lines[0]));
  if (!back.length) return chosen;
  const out = [...chosen];
  for (const b of back) {
    // with the label that stands before it in its box (an infobox's "Light" before "Icy blue")
    const prev = whole[whole.indexOf(b) - 1];
    const label = prev && !kept.has(prev.lines[0] ?? -1) && !prev.text.includes('\uE000') && (prev.kind === 'heading' || prev.text.split(/\s+/).length <= 4);
    const block = label ? { ...b, kind: 'para' as const, text: `${prev.text.replace(/:?\s*$/, '')}: ${b.text}`, lines: [...prev.lines, ...b.lines] } : b;
    const line = block.lines[0] ?? 0;
    let at = out.findIndex((x) => (x.lines[0] ?? 0) > line);
    if (at < 0) at = out.length;
    out.splice(at, 0, block);
    changes.push({ kind: 'keep-cited-block', lines: block.lines, why: 'a block outside the main content that cites a note: kept' });
  }
  return out;
}

/** Heading levels from the page's own: the first heading may be the title; the rest start at level 2. */
function levelled(blocks: Block[]): Block[] {
  const hs = blocks.filter((b) => b.kind === 'heading');
  const top = minOf(hs.slice(1).map((b) => b.level ?? 2));
  for (const b of hs.slice(1)) b.level = Math.min(6, Math.max(2, (b.level ?? 2) - top + 2));
  return blocks;
}
