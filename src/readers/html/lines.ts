// The review page and the report name raw lines. An HTML source's raw lines are its markup's
// lines, so every element that can become a block (or a note) is tagged, before the DOM is
// built, with the line its start tag stands on — positions from the tokenizer, never a regex.
// The same pass gives an XHTML document's self-closed elements their end tags.
import { Parser } from 'htmlparser2';

export const LINE_ATTR = 'data-editions-line';

const TAGGED = new Set(['p', 'div', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'th', 'figcaption', 'section', 'aside', 'a', 'sup', 'span', 'br', 'table', 'ol', 'ul', 'article', 'main', 'body']);

// elements that never have content: a self-closing one needs no end tag
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Tags each element that can become a block with its line. In an XHTML document (an XML
 * declaration or the XHTML namespace) an element written self-closed (`<pre/>`, `<div/>`) is
 * empty, as XML reads it — an HTML parser would open it and put the rest of the document
 * inside — so its end tag is written after it.
 */
export function tagLines(html: string): string {
  return rewrite(html, true, false);
}

/** An XHTML document (an EPUB's chapter) as an HTML parser reads it alike: every self-closed element given its end tag. */
export function xhtmlAsHtml(xhtml: string): string {
  return rewrite(xhtml, false, true);
}

function rewrite(html: string, lines: boolean, xhtml: boolean): string {
  const inserts: { at: number; text: string | undefined }[] = []; // text undefined: the line attribute
  let isXhtml = xhtml;
  let openAt = -1;
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '?xml') isXhtml = true;
      },
      onopentag(name, attribs) {
        const i = parser.startIndex;
        openAt = i;
        if (name === 'html' && attribs.xmlns === XHTML_NS) isXhtml = true;
        if (lines && TAGGED.has(name) && html[i] === '<' && html.slice(i + 1, i + 1 + name.length).toLowerCase() === name) inserts.push({ at: i + 1 + name.length, text: undefined });
      },
      onclosetag(name, implied) {
        const end = parser.endIndex;
        if (isXhtml && implied && parser.startIndex === openAt && html[end - 1] === '/' && html[end] === '>' && !VOID.has(name)) inserts.push({ at: end + 1, text: `</${name}>` });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  inserts.sort((a, b) => a.at - b.at);
  // line of each insertion point, by one walk over the newlines
  const out: string[] = [];
  let line = 1;
  let from = 0;
  for (const { at, text } of inserts) {
    for (let k = from; k < at; k++) if (html.charCodeAt(k) === 10) line++;
    out.push(html.slice(from, at), text ?? ` ${LINE_ATTR}="${line}"`);
    from = at;
  }
  out.push(html.slice(from));
  return out.join('');
}

