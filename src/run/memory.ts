// A huge text leaves hundreds of megabytes of each pass's garbage behind, which V8 would rather
// grow its heap for than collect: a 51 MB text peaked at 2.1 GB of which 0.7 GB was live.
// Collected between the passes and before each output is written, it stays under 1 GB, for a
// few per cent more time. Small texts never pay for it.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A text long enough for its garbage to matter (characters). */
export const huge = (text: string): boolean => text.length >= 8_000_000;

let gc: (() => void) | undefined;
/** A full collection now. */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
