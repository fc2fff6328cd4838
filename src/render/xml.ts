/** Escapes text for XML and XHTML: what comes from a source is always text, never markup. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\u00ad/g, '');
