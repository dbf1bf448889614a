/** The OpenAPI 3.1 document, generated from the route table and the zod response schemas. */
import { z } from 'zod';
import { API_PREFIX, type ApiRoute } from './route.js';
import { apiRegistry, ErrorBody } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });

/** zod emits $schema/$id on each top-level schema; inside components they only get in the way. */
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function idOf(schema: z.ZodType): string {
  const id = apiRegistry.get(schema)?.id;
  if (!id) throw new Error('every API response schema must be registered in apiRegistry');
  return id;
}

function parameters(r: ApiRoute): Json[] {
  const out: Json[] = Object.entries(r.params ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  for (const [name, field] of Object.entries(r.query?.shape ?? {})) {
    const schema = clean(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as Json);
    const { description, ...rest } = schema;
    out.push({ name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest });
  }
  return out;
}

export function buildOpenApi(routes: readonly ApiRoute[]): Json {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}` });
  const paths: Record<string, Json> = {};
  const error = (description: string): Json => ({ description, content: { 'application/json': { schema: ref('Error') } } });
  for (const r of routes) {
    const path = API_PREFIX + r.path.replace(/:(\w+)/g, '{$1}');
    const responses: Json = {
      '200': { description: 'OK', content: { 'application/json': { schema: ref(idOf(r.response)) } } },
      '304': { description: 'Not modified (If-None-Match matched the ETag)' },
    };
    if (r.query) responses['400'] = error('Invalid query parameter');
    if (r.params) responses['404'] = error('Not found');
    paths[path] = {
      get: { summary: r.summary, tags: [r.tag], operationId: operationId(r.path), parameters: parameters(r), responses },
    };
  }
  paths[`${API_PREFIX}/openapi.json`] = {
    get: { summary: 'This document', tags: ['meta'], operationId: 'openapi', responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } },
  };
  idOf(ErrorBody);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongbao API',
      version: '1',
      description: '政府公报数据库: issues, documents, full-text search, legal status and the 规范性文件库. Errors are {error:{code,message}}; lists are paginated with limit/offset and report total; every GET carries an ETag.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, clean(v as Json)])) },
  };
}

function operationId(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((s, i) => (s.startsWith(':') ? `By${s[1]!.toUpperCase()}${s.slice(2)}` : i === 0 ? s : s[0]!.toUpperCase() + s.slice(1)))
    .join('');
}
