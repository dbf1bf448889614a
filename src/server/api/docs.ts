/**
 * The API documentation page at /api/docs: Swagger UI (@fastify/swagger-ui, served from
 * node_modules, no CDN) rendering the same OpenAPI document as /api/v1/openapi.json.
 * @fastify/swagger runs in static mode: the document is ours (built from the zod schemas), not
 * re-derived from Fastify's route schemas.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { load } from '../assets.js';

export const API_DOCS = '/api/docs';

export function registerApiDocs(app: FastifyInstance, document: Record<string, unknown>): void {
  // Swagger UI warns about any jsonSchemaDialect; 3.1's default dialect is the same 2020-12 one.
  const { jsonSchemaDialect: _d, ...shown } = document;
  void app.register(fastifySwagger, { mode: 'static', specification: { document: shown as never } });
  void app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS,
    // validator.swagger.io would be called from the reader's browser: never.
    uiConfig: { validatorUrl: null, deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 },
    theme: { title: 'Gongbao API（政府公报数据库开放接口）' },
    logo: { type: 'image/svg+xml', content: Buffer.from(load('icon.svg')), href: '/', target: '_self' },
    // Swagger UI sets style attributes as it renders: on these pages only, inline styles are
    // allowed; scripts stay same-origin files as everywhere else.
    transformStaticCSP: (header: string) => header.replace("default-src 'self';", "default-src 'self'; style-src 'self' 'unsafe-inline';"),
  });
}
