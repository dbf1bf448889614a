/** The READMEs a newcomer reads first: links that resolve, prerequisites, the port, npx, every portal page. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('..', import.meta.url).pathname;
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

test('relative links in the READMEs and ARCHITECTURE.md point at files that exist', () => {
  for (const file of ['README.md', 'ARCHITECTURE.md', 'samples/wulong/README.md', 'src/search/README.md']) {
    const text = read(file);
    // [text](target) links and `../X.md`-style references in prose.
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g), ...text.matchAll(/`(\.\.?\/[^`\s]+\.md)`/g)].map((m) => m[1]!);
    for (const t of targets.filter((t) => !/^[a-z]+:/.test(t))) {
      assert.ok(existsSync(join(ROOT, dirname(file), t)), `${file}: ${t} does not exist`);
    }
  }
});

test('README: prerequisites, choosing the port, npx gongbao, and every portal page', () => {
  const readme = read('README.md');
  assert.match(readme, /Node\.js 20/);
  assert.match(readme, /C\+\+ toolchain/);
  assert.match(readme, /PORT=8080 npm start/);
  assert.match(readme, /npx gongbao/);
  const routes = [...read('src/server/pages/index.ts').matchAll(/app\.get(?:<[^>]*>)?\('([^']+)'/g)].map((m) => m[1]!);
  assert.ok(routes.length >= 10);
  const section = readme.slice(readme.indexOf("## The portal's pages"), readme.indexOf('## ', readme.indexOf("## The portal's pages") + 3));
  for (const r of routes) {
    const shown = r.replace(/:key/, '<文号>').replace(/:id/, '<id>').replace(/:name/, '<name>');
    assert.ok(section.includes(`\`${shown}`) || section.includes(shown), `portal page ${r} is not listed in README`);
  }
});
