// The review page and the report name raw lines. An HTML source's raw lines are its markup's
// lines, so every element that can become a block (or a note) is tagged, before the DOM is
// built, with the line its start tag stands on — positions from the tokenizer, never a regex.
import { Parser } from 'htmlparser2';

export const LINE_ATTR = 'data-editions-line';

const TAGGED = new Set(['p', 'div', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'th', 'figcaption', 'section', 'aside', 'a', 'sup', 'span', 'br', 'table', 'ol', 'ul', 'article', 'main', 'body']);

export function tagLines(html: string): string {
  const at: number[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        const i = parser.startIndex;
        if (TAGGED.has(name) && html[i] === '<' && html.slice(i + 1, i + 1 + name.length).toLowerCase() === name) at.push(i + 1 + name.length);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  // line of each insertion point, by one walk over the newlines
  const out: string[] = [];
  let line = 1;
  let from = 0;
  for (const i of at) {
    for (let k = from; k < i; k++) if (html.charCodeAt(k) === 10) line++;
    out.push(html.slice(from, i), ` ${LINE_ATTR}="${line}"`);
    from = i;
  }
  out.push(html.slice(from));
  return out.join('');
}
