/**
 * The portal's own CSS and JS, served from src/server/assets/. tsc does not copy them to dist/,
 * so the built server looks for them in the source tree next to it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  'portal.css': 'text/css; charset=utf-8',
  'portal.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

export function load(name: string): string {
  const candidates = [new URL(`./assets/${name}`, import.meta.url), new URL(`../../src/server/assets/${name}`, import.meta.url)];
  for (const c of candidates) {
    try {
      return readFileSync(fileURLToPath(c), 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new Error(`portal asset ${name} not found`);
}

export function registerAssets(app: FastifyInstance): void {
  for (const [name, type] of Object.entries(TYPES)) {
    const body = load(name);
    app.get(`/assets/${name}`, async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return reply.type(type).send(body);
    });
  }
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/assets/icon.svg', 301));
}
