// Golden facts on the five raw texts the user gave us (numbers from the seed catalogue).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES, body, blockWith, noteText, parsedNotes, rawOf, root, source } from './helpers.ts';

const all = Object.values(SOURCES);

describe('footnotes on the real sources', () => {
  it.each([
    [SOURCES.lorimer, 0],
    [SOURCES.paged, 14],
    [SOURCES.foundations, 32],
    [SOURCES.npa, 15],
    [SOURCES.james, 9],
  ])('%s has %i notes, each reference linked to a body and each body referred to', (name, count) => {
    const { markdown } = source(name);
    const { refs, defs, literal } = parsedNotes(markdown);
    expect(defs.length).toBe(count);
    expect(new Set(refs)).toEqual(new Set(defs));
    expect(literal).toBe(false);
    // numbered 1… in reading order
    const prose = body(markdown).split('\n').filter((l) => !/^\[\^\d+\]:/.test(l)).join('\n');
    const firstSeen = [...new Set([...prose.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1])))];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
  });

  it('Lorimer: all 23 references without bodies are reported and no digit is left glued', () => {
    const { markdown, report } = source(SOURCES.lorimer);
    expect(report.doubts.filter((d) => d.kind === 'ref-without-body')).toHaveLength(23);
    expect(markdown).toContain('Frederick Engels. Following');
    expect(markdown).toMatch(/last six days”\.\n/);
    expect(markdown).not.toMatch(/[a-z][.”]\d{1,2}\b/);
  });

  it('Foundations: references land on the right bodies', () => {
    const { markdown } = source(SOURCES.foundations);
    const cases: [string, number, string][] = [
      ['Lenin Enrollment[^1]', 1, 'J. V. Stalin’s lectures, The Foundations of Leninism'],
      ['the Anarchists[^5] in place', 5, 'This refers to Frederick Engels’s article'],
      ['Basle Congress[^8], at which', 8, 'The Basle Congress of the Second International'],
      ['epoch-making discovery.[^11]', 11, 'See Frederick Engels, “Ludwig Feuerbach'],
      ['immediately[^17] take', 17, 'My italics'],
      ['“at the Shipka Pass”[^20]; nevertheless', 20, 'A Russian saying carried over from the Russo-Turkish War of 1877-78'],
      ['Kugelmann in 1871.[^22]', 22, 'Karl Marx and Frederick Engels, Selected Works'],
      ['the only[^24] form', 24, 'My italics.—J. St.'],
      ['Kapp[^27] and Co.', 27, 'Kapp (1868-1922) was the ringleader'],
      ['“On Party Unity.”[^32]', 32, 'The resolution “On Party Unity” was written'],
    ];
    for (const [ref, n, bodyStart] of cases) {
      expect(markdown).toContain(ref);
      expect(noteText(markdown, n)).toContain(bodyStart);
    }
    // Multi-line and cross-line bodies are joined and dehyphenated.
    expect(noteText(markdown, 7)).toContain('Social-Democrats');
    expect(noteText(markdown, 16)).toContain('Social-Democracy');
  });

  it('paged Stalin: per-page [1] notes become one sequence; stars, orphans and endnotes are handled', () => {
    const { markdown, report } = source(SOURCES.paged);
    expect(noteText(markdown, 1)).toContain('The Proletarian Revolution and the Renegade Kautsky');
    expect(report.doubts.some((d) => d.kind === 'body-without-ref' && d.lines.includes(14))).toBe(true);
    // `for*` and `against*` share the one "My italics" body
    const italics = [...markdown.matchAll(/\(for\[\^(\d+)\] the proletarians.*?\(against\[\^(\d+)\]/g)][0];
    expect(italics[1]).toBe(italics[2]);
    expect(noteText(markdown, Number(italics[1]))).toBe('My italics.—J. St.');
    // [14] and [15] have no bodies: reported, and no bracket left in the prose
    const missing = report.doubts.filter((d) => d.kind === 'ref-without-body').map((d) => d.lines[0]);
    expect(missing).toEqual([77, 103]); // the lines the marks stand on
    expect(markdown).not.toMatch(/\\\[1[45]\\\]/);
    expect(markdown).toMatch(/Kugelmann in 1871\.\n/);
    // the misnumbered [1] body on page 47 is matched to [2] and reported
    expect(report.doubts.some((d) => d.kind === 'note-relabelled')).toBe(true);
    expect(blockWith(markdown, 'forcible destruction of the bourgeois state machine')).toMatch(/\[\^\d+\]$/);
    // "2. Theses" inside a body is not a new body
    expect(markdown).toMatch(/1919\. “2\. Theses and Report/);
  });

  it('NPA: notes list with back-links, refs before colons, after NBSP, in headings', () => {
    const { markdown } = source(SOURCES.npa);
    expect(markdown).toContain('three other pamphlets[^2] and hundreds');
    expect(markdown).toContain('The Professional Dangers of Power[^7]:');
    expect(markdown).toMatch(/^### “Lenin’s Last Struggle”\[\^9\]$/m);
    expect(markdown).toMatch(/^### Lenin: one of the first “communists against Stalin”\[\^15\]$/m);
    expect(noteText(markdown, 4)).toBe('Communist (Bolshevik) Party of Russia.');
  });

  it('James: bracketed references with spaces before them', () => {
    const { markdown } = source(SOURCES.james);
    expect(markdown).toContain('rejected the proposal.[^1] Now Lenin');
    expect(markdown).toContain('the famous Testament[^5] in which');
    expect(noteText(markdown, 8)).toBe('Page 26.');
  });
});

describe('nothing of the carrier survives', () => {
  it.each(all)('%s has no page markers, folios, form feeds, back-links or web cruft', (name) => {
    const md = body(source(name).markdown);
    expect(md).not.toMatch(/^\s*page \d+\s*$/im);
    expect(md).not.toMatch(/^\s*\d{1,4}\s*$/m);
    expect(md).not.toMatch(/\f|↩|\uFE0E/);
    expect(md).not.toMatch(/HIT US UP|Any message or comments|This forum is moderated|Your post/);
    expect(md).not.toMatch(/[\u00a0\u2002\u2003\u202f]{1}(?![\dIVXLC])/);
    expect(md).not.toMatch(/ {2}|--|―|\.\.\.|\. \. \.|"|[\uE000-\uE0FF]/);
  });

  it('Foundations: running heads and folios are gone and their paragraphs joined', () => {
    const { markdown, report } = source(SOURCES.foundations);
    expect(body(markdown).match(/^The Foundations of Leninism$/gm)).toBeNull();
    expect(markdown).not.toMatch(/^#* ?4\. The Dictatorship of the Proletariat$/m);
    expect(markdown).toContain('a screen. Of course, the appearance of such governments');
    expect(markdown).toContain('are now drawn unfailingly');
    expect(report.changes.filter((c) => c.kind === 'remove-folio').map((c) => c.from)).toEqual(['40', '45', '62', '90']);
    // a word split across a page with a footnote between its halves
    expect(markdown).toContain('falsification');
    expect(markdown).not.toMatch(/falsi-/);
  });

  it('paged Stalin: page markers gone, paragraphs and words joined across pages', () => {
    const { markdown, report } = source(SOURCES.paged);
    expect(report.changes.filter((c) => c.kind === 'remove-page-marker')).toHaveLength(13);
    expect(markdown).toContain('even without the dictatorship of the proletariat');
    expect(markdown).toContain('Soviet power facilitates the practical application');
    expect(markdown).toContain('the *smashing*, the *destruction*');
  });

  it('captions of missing images and the comment form are removed, and reported', () => {
    const npa = source(SOURCES.npa);
    expect(npa.markdown).not.toMatch(/^V\.I\. Lenin$|Mikoyan, Stalin and Ordzhonikidze|giving a speech in 1917/m);
    expect(npa.report.doubts.filter((d) => d.kind === 'caption')).toHaveLength(3);
    expect(source(SOURCES.james).markdown).not.toMatch(/To create paragraphs/);
  });
});

describe('numbers that are not references stay', () => {
  it('years, counts, ordinals and editorial brackets', () => {
    const l = source(SOURCES.lorimer).markdown;
    for (const s of ['222,000', '384,000', '21st century', '\\[1852 book\\]', '## 1871 Paris Commune', '17-year-old']) expect(l).toContain(s);
    const n = source(SOURCES.npa).markdown;
    for (const s of ['2.4%', '1.25 million', '10th congress', '30,000']) expect(n).toContain(s);
    expect(source(SOURCES.james).markdown).toContain('2.5 per cent');
  });
});

describe('line-end hyphenation in the PDF extraction', () => {
  it('all 482 decisions match the catalogue, hard cases included', () => {
    const { report } = source(SOURCES.foundations);
    const got = new Map(report.changes.filter((c) => c.kind === 'dehyphenate' || c.kind === 'hyphen-kept').map((c) => [c.lines[0], c.to]));
    const lines = readFileSync(join(root, 'test/fixtures/foundations-hyphens.txt'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(482);
    const wrong = lines.filter((l) => {
      const m = /^(\d+)→\d+ `.*?`\+`.*?` ⇒ (\S+)/.exec(l)!;
      return got.get(Number(m[1]))?.replace(/’/g, "'") !== m[2].replace(/’/g, "'");
    });
    expect(wrong).toEqual([]);
    const md = source(SOURCES.foundations).markdown;
    for (const w of ['social-pacifism', 'counter-revolution', 'Socialist-Revolutionaries', 'well-known', 'ready-made', 'high-school', 'bourgeois-democratic', 'co-operative'])
      expect(md).toContain(w);
  });
});

describe('structure', () => {
  it('Foundations: Introduction and nine chapters, run-in sections, lists, narrow-measure quotations', () => {
    const { markdown, report } = source(SOURCES.foundations);
    const h2 = [...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(h2).toEqual([
      'Introduction', 'Chapter I. The Historical Roots of Leninism', 'Chapter II. Method', 'Chapter III. Theory',
      'Chapter IV. The Dictatorship of the Proletariat', 'Chapter V. The Peasant Question', 'Chapter VI. The National Question',
      'Chapter VII. Strategy and Tactics', 'Chapter VIII. The Party', 'Chapter IX. Style in Work',
    ]);
    expect(markdown).toMatch(/^### 1\) The dictatorship of the proletariat as the instrument of the proletarian revolution$/m);
    expect(report.counts.quotations).toBeGreaterThanOrEqual(55);
    expect(markdown).toMatch(/^- a\) the dictatorship of the proletariat as the instrument/m);
    expect(markdown).toMatch(/^- f\) /m); // `f )` normalised
    expect(markdown).toMatch(/^> “The transition from capitalism to communism/m);
    expect(markdown).not.toMatch(/^> “The question of the proletarian dictatorship/m);
  });

  it('front matter comes from the text and the sidecar', () => {
    const l = source(SOURCES.lorimer).markdown;
    expect(l).toMatch(/^title: Introduction to Lenin’s State & Revolution$/m);
    expect(l).toMatch(/^author: Doug Lorimer$/m);
    expect(l).toMatch(/^date_line: Revised in 2010, originally written in 2003$/m);
    expect(body(l)).not.toMatch(/^By Doug Lorimer/m);
    const p = source(SOURCES.paged).markdown;
    expect(p).toMatch(/^original_publication: Foundations of Leninism \(1924\)$/m);
    expect(source(SOURCES.james).markdown).toMatch(/^web_posted_by: Robert Paris$/m);
  });

  it('web copies: headings, bylines, colon-introduced quotations', () => {
    const l = source(SOURCES.lorimer);
    expect([...l.markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([
      'Impetus for Lenin’s book', 'Proletariat as ruling class', '1871 Paris Commune', 'Kautsky’s distortion of Marxism', 'Lessons of 1905 and 1917 Russian revolutions',
    ]);
    expect(l.report.counts.quotations).toBe(18);
    const n = source(SOURCES.npa).markdown;
    expect(n).toMatch(/^\*By Léo Baserli\. Originally published/m);
    expect(source(SOURCES.npa).report.counts.quotations).toBe(5);
    expect(n).toMatch(/^Trotsky later provided these additions/m);
    expect(source(SOURCES.james).report.counts.quotations).toBe(14);
  });
});

describe('no word is lost', () => {
  const tokens = (t: string) => (t.toLowerCase().match(/\p{L}+/gu) ?? []);
  it.each(all)('%s: every raw word is in the Markdown or in a recorded change', (name) => {
    const { markdown, report } = source(name);
    const have = new Map<string, number>();
    const add = (t: string) => { for (const w of tokens(t)) have.set(w, (have.get(w) ?? 0) + 1); };
    add(markdown);
    for (const c of report.changes) if (c.from) add(c.from);
    const need = new Map<string, number>();
    for (const w of tokens(rawOf(name))) need.set(w, (need.get(w) ?? 0) + 1);
    const lost = [...need].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w]) => w);
    expect(lost).toEqual([]);
  });
});
