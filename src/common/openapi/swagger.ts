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
