/**
 * Which files may be attached (DOMAIN.md, issue 12: "content-type allow-list checked from the
 * bytes, not the file name"). Binary formats are recognised by their magic numbers (the maintained
 * `file-type` library); text has no magic number, so it is accepted only as strict UTF-8 without
 * NUL or control bytes, and never when it is markup or a script that a browser or a shell would
 * run (HTML, SVG, XML, `#!`). The client's file name and Content-Type are never trusted: they only
 * choose between `text/csv` and `text/plain` for text that already passed the byte checks.
 */
import { fileTypeFromBuffer } from 'file-type';

export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation (PPTX)',
  'text/plain': 'plain text (UTF-8)',
  'text/csv': 'CSV (UTF-8)',
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

const BINARY_TYPES = new Set<string>(Object.keys(ATTACHMENT_TYPES).filter((t) => !t.startsWith('text/')));

export type Detection = { ok: true; contentType: AttachmentContentType } | { ok: false; detected: string | null; reason: string };

export interface ClientHints {
  fileName: string;
  /** The Content-Type of the multipart part, as the client declared it. */
  declaredType?: string;
}

/** How much of a text file is searched for markup (browsers sniff the first 512 bytes). */
const MARKUP_SCAN_BYTES = 1024;
const MARKUP = /<(script|html|svg|!doctype|\?xml|iframe|body|head|object|embed|meta|link|style|xsl|math)\b/i;
/** C0 controls other than tab, LF, FF, CR, and DEL: their presence means "binary". */
// eslint-disable-next-line no-control-regex
const CONTROL_BYTES = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Detects the type of `bytes` and answers whether it is on the allow-list. */
export async function detectAttachmentType(bytes: Uint8Array, hints: ClientHints): Promise<Detection> {
  if (bytes.length === 0) return { ok: false, detected: null, reason: 'The file is empty.' };
  const magic = await fileTypeFromBuffer(bytes);
  if (magic) {
    if (BINARY_TYPES.has(magic.mime)) return { ok: true, contentType: magic.mime as AttachmentContentType };
    return { ok: false, detected: magic.mime, reason: `The content is ${magic.mime}, which is not an accepted attachment type.` };
  }
  const text = textProblem(bytes);
  if (text) return { ok: false, detected: text.detected, reason: text.reason };
  return { ok: true, contentType: looksLikeCsv(hints) ? 'text/csv' : 'text/plain' };
}

/** Why `bytes` is not acceptable text, or null when it is. */
export function textProblem(bytes: Uint8Array): { detected: string | null; reason: string } | null {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { detected: null, reason: 'The content is neither a recognised document or image nor UTF-8 text.' };
  }
  if (CONTROL_BYTES.test(text)) return { detected: null, reason: 'The content has binary (NUL or control) bytes: it is not text.' };
  const head = text.slice(0, MARKUP_SCAN_BYTES).trimStart();
  if (head.startsWith('<') || MARKUP.test(head)) {
    return { detected: 'text/html', reason: 'The content is markup (HTML, SVG or XML), which browsers may run: not accepted.' };
  }
  if (head.startsWith('#!')) return { detected: 'text/x-script', reason: 'The content is an executable script: not accepted.' };
  return null;
}

function looksLikeCsv(hints: ClientHints): boolean {
  const declared = (hints.declaredType ?? '').split(';')[0]?.trim().toLowerCase();
  return /\.csv$/i.test(hints.fileName) || declared === 'text/csv';
}

/** The Content-Type a stored attachment is served with (text was verified to be UTF-8). */
export function servedContentType(contentType: string): string {
  return contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType;
}
