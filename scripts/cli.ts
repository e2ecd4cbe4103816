/** Small helpers shared by the command-line scripts. */

/** The value after `flag` in argv, if any. */
export function argValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** argv without the given flags and their values. */
export function positionalArgs(argv: string[], flagsWithValue: string[], booleanFlags: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (flagsWithValue.includes(a)) i++;
    else if (!booleanFlags.includes(a)) out.push(a);
  }
  return out;
}

/** A one-line progress indicator on a terminal; silent when output is piped. */
export function progress(label: string): { update(done: number, total: number): void; end(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(done, total) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      process.stderr.write(`\r${label} ${done}/${total} (${pct}%)`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
