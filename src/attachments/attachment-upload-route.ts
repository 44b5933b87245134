import type { BodyTypeException } from '../common/http/json-body';

/**
 * The one exception to "JSON bodies only" (src/common/http/json-body.ts): a multipart/form-data
 * upload to POST /api/v1/projects/{id}/attachments. Every other route still answers 415 to it.
 */
export const ATTACHMENT_UPLOAD_BODY: BodyTypeException = {
  method: 'POST',
  path: /^\/api\/v1\/projects\/[0-9a-fA-F-]{36}\/attachments\/?$/,
  mediaType: /^multipart\/form-data$/i,
};
