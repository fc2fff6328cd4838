// Compiles src/ into lib/ once before the tests, which run the real command (bin/editions.js).
import { compile } from '../scripts/compile.mjs';

export default async function setup(): Promise<void> {
  await compile();
}
