// A page's own table of contents: a list whose items are links to the page's headings.
// It is navigation, not text: taken out (and reported), with the box it sits in.
import type { Change } from '../../normalize/types.ts';
import { lineOf } from './inline.ts';

const HEADING = /^h[1-6]$/;
const tagOf = (el: Element) => el.localName.toLowerCase();

/** The element an in-page link points to is a heading, in one, or a section that opens with one. */
function isHeadingTarget(el: Element | null): boolean {
  if (!el) return false;
  if (HEADING.test(tagOf(el)) || el.closest('h1,h2,h3,h4,h5,h6')) return true;
  const first = el.firstElementChild;
  return !!first && HEADING.test(tagOf(first));
}

export function dropContents(root: Element, changes: Change[]): void {
  const doc = root.ownerDocument;
  const byId = (id: string) => {
    try {
      return doc.getElementById(decodeURIComponent(id)) ?? doc.querySelector(`a[name="${id.replace(/["\\]/g, '')}"]`);
    } catch {
      return null;
    }
  };
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (!list.isConnected || list.parentElement?.closest('ul, ol')) continue;
    const items = Array.from(list.querySelectorAll('li'));
    if (items.length < 3) continue;
    const toHeading = items.filter((li) => {
      const a = li.querySelector('a[href^="#"]');
      return !!a && isHeadingTarget(byId((a.getAttribute('href') ?? '').slice(1)));
    });
    if (toHeading.length < 0.8 * items.length) continue;
    // the box around it, when the box holds nothing else but a title
    let box: Element = list;
    for (let p = list.parentElement; p && p !== root; p = p.parentElement) {
      const extra = (p.textContent ?? '').replace(list.textContent ?? '', '').trim().split(/\s+/).filter(Boolean).length;
      if (extra > 3) break;
      box = p;
    }
    changes.push({ kind: 'remove-contents', lines: [lineOf(box)].filter(Boolean), why: `the page's table of contents: ${items.length} links to its own headings` });
    box.remove();
  }
}
