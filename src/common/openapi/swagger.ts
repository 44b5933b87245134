import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_KEY_HEADER = 'X-API-Key';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('HERO Compact API')
    .setDescription(
      'Governance of customer-facing tech projects proposed by employees outside IT (HEROes): ' +
        'IT advises on risk, managers decide, integrations use scoped API keys. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .setLicense('Proprietary', 'https://hero-compact.dev/license')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, 'apiKey')
    .addServer('/')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  markPublicOperations(document);
  declareIdempotencyKey(document);
  return document;
}

/**
 * Protected routes declare bearer + API-key security (RequirePermissions); what is left is public
 * (@Public(): login, refresh, health, metrics). Say so explicitly with `security: []`, as linters ask.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}

export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}

/**
 * Every POST outside /auth takes an optional Idempotency-Key (IdempotencyInterceptor): declare the
 * header and its replay / conflict answers once here rather than on each route.
 */
function declareIdempotencyKey(document: OpenAPIObject): void {
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    const post = item.post;
    if (!post || path.startsWith('/api/v1/auth/')) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Send the same key to retry safely: within 24 h the first response is replayed (with Idempotent-Replayed: true).',
        schema: { type: 'string', maxLength: 255 },
      },
    ];
    post.responses['409'] ??= { description: 'Conflict (also: the same Idempotency-Key is still in progress)', content: problem };
    post.responses['422'] ??= { description: 'The Idempotency-Key was used with another request', content: problem };
  }
}
