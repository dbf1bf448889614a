/** The OpenAPI 3.1 document, generated from the route table and the zod response schemas. */
import { z } from 'zod';
import { API_PREFIX, type ApiRoute } from './route.js';
import { apiRegistry, bodyRegistry, ErrorBody } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });

/** zod emits $schema/$id on each top-level schema; inside components they only get in the way. */
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function idOf(schema: z.ZodType, registry = apiRegistry): string {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error('every API request and response schema must be registered (apiRegistry, bodyRegistry)');
  return id;
}

const BEARER = 'editorToken';

function parameters(r: ApiRoute): Json[] {
  const out: Json[] = Object.entries(r.params ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  for (const [name, field] of Object.entries(r.method === 'POST' ? {} : (r.query?.shape ?? {}))) {
    const schema = clean(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as Json);
    const { description, ...rest } = schema;
    out.push({ name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest });
  }
  return out;
}

export function buildOpenApi(routes: readonly ApiRoute[]): Json {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const { schemas } = z.toJSONSchema(apiRegistry, { uri });
  const { schemas: bodies } = z.toJSONSchema(bodyRegistry, { uri, io: 'input' });
  for (const id of Object.keys(bodies)) if (id in schemas) throw new Error(`schema id ${id} names both a request body and a response`);
  const paths: Record<string, Json> = {};
  const error = (description: string): Json => ({ description, content: { 'application/json': { schema: ref('Error') } } });
  const json = (description: string, schema: z.ZodType): Json => ({ description, content: { 'application/json': { schema: ref(idOf(schema)) } } });
  for (const r of routes) {
    const path = API_PREFIX + r.path.replace(/:(\w+)/g, '{$1}');
    const common = { summary: r.summary, tags: [r.tag], parameters: parameters(r) };
    if (r.method === 'POST') {
      const responses: Json = {
        [r.created ? '201' : '200']: json(r.created ? 'Created' : 'OK', r.response),
        '400': error('Invalid request body (the message names the first bad field), or one the data refuses: a document it names is not stored, a date that does not exist'),
        '401': error('No valid editor token (Authorization: Bearer <GONGBAO_ADMIN_TOKEN>)'),
        '403': error('Editing is not enabled on this server (GONGBAO_ADMIN_TOKEN is not set)'),
      };
      if (r.params) responses['404'] = error(`No such ${r.notFound ?? 'resource'}`);
      const requestBody = { required: true, content: { 'application/json': { schema: ref(idOf(r.body, bodyRegistry)) } } };
      paths[path] = { ...paths[path], post: { ...common, operationId: `post${capitalize(operationId(r.path))}`, security: [{ [BEARER]: [] }], requestBody, responses } };
      continue;
    }
    const responses: Json = {
      '200': json('OK', r.response),
      '304': { description: 'Not modified (If-None-Match matched the ETag)' },
    };
    if (r.query) responses['400'] = error('Invalid query parameter');
    if (r.params) responses['404'] = error('Not found');
    paths[path] = { ...paths[path], get: { ...common, operationId: operationId(r.path), responses } };
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
      description: '政府公报数据库: issues, documents, full-text search, legal status and the 规范性文件库. Errors are {error:{code,message}}; lists are paginated with limit/offset and report total; every GET carries an ETag. The editors\' writes (POST, tag editing) need Authorization: Bearer <GONGBAO_ADMIN_TOKEN>.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries({ ...schemas, ...bodies }).map(([k, v]) => [k, clean(v as Json)])),
      securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', description: 'The server\'s GONGBAO_ADMIN_TOKEN; without it set, every write answers 403.' } },
    },
  };
}

function operationId(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((s, i) => (s.startsWith(':') ? `By${s[1]!.toUpperCase()}${s.slice(2)}` : i === 0 ? s : s[0]!.toUpperCase() + s.slice(1)))
    .join('');
}

const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);
