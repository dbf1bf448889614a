/**
 * The OpenAPI document as a contract for tests: responses validated against the schema it
 * declares for a path, method and status; and the routes Fastify really serves, to compare.
 */
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

type Json = Record<string, any>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export interface Contract {
  /** The path template of the document a concrete URL belongs to. */
  templateOf(url: string): string;
  /** Validate a response body against the schema declared for this method, path and status. */
  assertMatches(method: 'get' | 'post', url: string, status: number, body: unknown): void;
}

export function contract(openapi: Json): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(openapi, 'openapi.json');
  const templateOf = (url: string): string => {
    const path = url.split('?')[0]!;
    for (const t of Object.keys(openapi.paths)) {
      const re = new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
      if (re.test(path)) return t;
    }
    throw new Error(`no OpenAPI path for ${url}`);
  };
  return {
    templateOf,
    assertMatches(method, url, status, body) {
      const t = templateOf(url);
      const declared = openapi.paths[t][method]?.responses[String(status)];
      assert.ok(declared, `${method.toUpperCase()} ${t} does not declare a ${status} response`);
      const pointer = `/paths/${t.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
      const validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
      assert.ok(validate(body), `${method.toUpperCase()} ${url} → ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 300)}`);
    },
  };
}

/**
 * Every route the server answers, as "METHOD /path/:param" (HEAD left out: Fastify adds it to
 * each GET). Read from printRoutes' tree, where a line's path continues its parent's.
 */
export async function servedRoutes(app: FastifyInstance): Promise<string[]> {
  await app.ready();
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/^\/\//, '/');
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out;
}
