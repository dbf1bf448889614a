/** Terminal columns for the CLI's tables. */

/** Pad by display width: CJK characters take two columns in a terminal. */
export function pad(s: string, width: number): string {
  const w = [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - w));
}

/** At most `chars` characters, an ellipsis marking the cut. */
export function cut(s: string, chars: number): string {
  return [...s].length > chars ? `${[...s].slice(0, chars - 1).join('')}…` : s;
}
