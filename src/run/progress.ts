// What the build is doing, on the terminal: a live table on a TTY (one row per edition,
// redrawn in place), plain lines otherwise (CI logs, pipes). Always on stderr, so stdout
// stays free for --json.

export type Status = 'waiting' | 'normalise' | 'model' | 'epub' | 'pdf' | 'done' | 'unchanged' | 'failed';

export interface Row {
  edition: string;
  kind: string;
  status: Status;
  pages?: number;
  notes?: number;
  doubts?: number;
  warnings?: number;
  bytes?: number;
  ms?: number;
  error?: string;
}

const size = (n?: number) => (n === undefined ? '' : n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);
const time = (ms?: number) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** The summary table: edition, kind, pages, notes, doubts, warnings, size, time, status. */
export function table(rows: Row[]): string {
  const head = ['edition', 'kind', 'pages', 'notes', 'doubts', 'warnings', 'size', 'time', 'status'];
  const cells = rows.map((r) => [r.edition, r.kind, r.pages ?? '', r.notes ?? '', r.doubts ?? '', r.warnings ?? '', size(r.bytes), time(r.ms), r.status].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const right = new Set([2, 3, 4, 5, 6, 7]);
  const fmt = (c: string[]) => c.map((x, i) => (right.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n');
}

export interface Reporter {
  update(edition: string, change: Partial<Row>): void;
  /** A line of its own (a doubt, a warning), kept above the live table. */
  note(line: string): void;
  finish(): void;
}

export function reporter(rows: Row[], o: { tty: boolean }): Reporter {
  const out = process.stderr;
  const byName = new Map(rows.map((r) => [r.edition, r]));
  if (!o.tty) {
    return {
      update(name, change) {
        const r = byName.get(name);
        if (!r) return;
        Object.assign(r, change);
        if (change.status && change.status !== 'waiting') {
          const facts = r.status === 'done' ? ` (${[r.pages !== undefined ? `${r.pages} pages` : '', size(r.bytes), time(r.ms)].filter(Boolean).join(', ')})` : r.status === 'failed' ? `: ${r.error}` : '';
          out.write(`${name}: ${r.status}${facts}\n`);
        }
      },
      note: (line) => out.write(`${line}\n`),
      finish: () => {},
    };
  }
  // TTY: redraw the rows in place.
  let drawn = 0;
  const spin = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let tick = 0;
  const draw = () => {
    if (drawn) out.write(`\x1b[${drawn}A`);
    const width = Math.max(...rows.map((r) => r.edition.length));
    const lines = rows.map((r) => {
      const busy = ['normalise', 'model', 'epub', 'pdf'].includes(r.status);
      const mark = busy ? spin[tick % spin.length] : r.status === 'done' ? '✓' : r.status === 'unchanged' ? '=' : r.status === 'failed' ? '✗' : '·';
      const detail = r.status === 'failed' ? (r.error ?? '').split('\n')[0] : r.status === 'done' ? [r.pages !== undefined ? `${r.pages} pages` : '', size(r.bytes), time(r.ms)].filter(Boolean).join(', ') : r.status;
      return `\x1b[2K${mark} ${r.edition.padEnd(width)}  ${detail}`;
    });
    out.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(() => {
    tick++;
    draw();
  }, 120);
  timer.unref();
  draw();
  return {
    update(name, change) {
      const r = byName.get(name);
      if (r) Object.assign(r, change);
      draw();
    },
    note(line) {
      if (drawn) out.write(`\x1b[${drawn}A\x1b[J`);
      drawn = 0;
      out.write(`${line}\n`);
      draw();
    },
    finish() {
      clearInterval(timer);
      draw();
    },
  };
}
