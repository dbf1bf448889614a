/**
 * Tiny escaping HTML templates. Every interpolated value is escaped unless it is already an
 * `Html` (built by these functions), so page code cannot forget to escape.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return escapeHtml(String(p));
}

/** Tagged template: html`<p>${text}</p>` escapes `text`; nested html`` and arrays pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Trusted markup produced elsewhere in this module set (never user or document text). */
export function raw(s: string): Html {
  return new Html(s);
}

/** A store snippet marks matches with «…»; escape first, then turn the markers into <mark>. */
export function highlight(snippet: string): Html {
  const escaped = escapeHtml(snippet)
    .replace(/«([^«»]*)»/g, '<mark>$1</mark>')
    .replace(/[«»]/g, '');
  return new Html(escaped);
}

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
