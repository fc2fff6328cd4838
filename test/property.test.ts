// Property-based tests (fast-check): generated raw texts of every kind the normaliser reads,
// and random mutations of the real sources, must keep the invariants of
// test/property/invariants.ts. EDITIONS_FUZZ_RUNS sets the number of cases (the default keeps
// npm test quick; the README gives the figures of full runs). A failure prints its seed and
// path: fc.assert(…, { seed, path }) replays it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../src/normalize/chain.ts';
import { root } from './helpers.ts';
import { mutate, mutation, rawText } from './property/generate.ts';
import { violations } from './property/invariants.ts';

const RUNS = Number(process.env.EDITIONS_FUZZ_RUNS ?? 150);
// npm test replays the same cases (a fixed seed: CI is deterministic); a full run draws new ones
// unless EDITIONS_FUZZ_SEED replays a failure
const SEED = process.env.EDITIONS_FUZZ_SEED ? Number(process.env.EDITIONS_FUZZ_SEED) : process.env.EDITIONS_FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261202;
const sources = readdirSync(join(root, 'sources'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(root, 'sources', f), 'utf8'));

describe('property: generated raw texts', () => {
  it(`keep every invariant (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(rawText, (g) => {
        expect(violations(g.text)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it(`link every note they write, in every style (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(rawText, (g) => {
        const md = normalize(g.text).markdown;
        const defs = (md.match(/^\[\^\d+\]:/gm) ?? []).length;
        expect(defs).toBe(g.notes);
        // no raw marker left where the notes were linked
        if (g.style === 'bracket' || g.style === 'dot-list' || g.style === 'caret' || g.style === 'arrow-tail') expect(md).not.toMatch(/\\?\[\d+\\?\]/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});

describe('property: mutated real sources', () => {
  const runs = Math.max(10, Math.round(RUNS / 5));
  it(`keep every invariant under cuts and inserted artefacts (${runs} cases)`, () => {
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (k, ms) => {
        expect(violations(mutate(sources[k], ms))).toEqual([]);
      }),
      { numRuns: runs, seed: SEED },
    );
  }, 600_000);
});
