/** Atom feed of new documents and status changes (RFC 4287). */
import type { Store } from '../../store/store.js';
import { html } from '../html.js';
import { entryTag, feedView } from '../views/feed.js';
import { SITE } from './layout.js';

/** Characters XML 1.0 forbids (PDF extraction can leave form feeds and the like). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export async function atomFeed(store: Store, origin: string): Promise<string> {
  const view = await feedView(store);
  const f = { ...view, entries: view.entries.map((e) => ({ ...e, title: e.title.replace(NOT_XML, ''), summary: e.summary.replace(NOT_XML, '') })) };
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${SITE}：新文件与效力变化</title>
<id>${entryTag('feed')}</id>
<link rel="self" type="application/atom+xml" href="${origin}/feed.atom"/>
<link rel="alternate" type="text/html" href="${origin}/"/>
<updated>${f.updated}</updated>
<author><name>${SITE}</name></author>
${f.entries.map(
  (e) => html`<entry>
<title>${e.title}</title>
<id>${entryTag(e.id)}</id>
<link rel="alternate" type="text/html" href="${origin}${e.url}"/>
<updated>${e.updated}</updated>
<category term="${e.type}" label="${e.type === 'document' ? '新文件' : '效力变化'}"/>
<summary>${e.summary}</summary>
</entry>
`,
)}</feed>
`.value;
}
