import { crc32 } from 'node:zlib';
import type { Response } from 'superagent';
import type { TestApp } from './test-app';

/**
 * Small but real files of each kind the attachment allow-list knows (and some it must refuse),
 * built from their published signatures so tests don't depend on binary fixtures.
 */
export const SAMPLES = {
  /** A 1×1 transparent PNG. */
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e8e1f60000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex'),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.from('0100010000000021f90401000000002c00000000010001000002024401003b', 'hex')]),
  webp: webp(),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  docx: ooxml('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
  xlsx: ooxml('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
  pptx: ooxml('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
  text: Buffer.from('Customer interviews, March:\n- 14 of 20 asked for delivery tracking\n- Ça marche très bien 👍\n'),
  csv: Buffer.from('store,calls per week\nLyon,120\nLille,95\n'),
  /** Refused: a Windows executable (MZ header). */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
  /** Refused: a Linux executable. */
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
  html: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/me")</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'),
  svgXml: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  /** Refused: a plain zip archive (not an Office document). */
  zip: zip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
  /** Refused: valid UTF-8 with a NUL byte is binary. */
  nul: Buffer.from('abc\u0000def'),
  /** Refused: Latin-1, not UTF-8. */
  latin1: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
  shellScript: Buffer.from('#!/bin/sh\nrm -rf /\n'),
} as const;

function webp(): Buffer {
  const vp8 = Buffer.from('2a0000009d012a0100010002003425a400037000fefb94000000', 'hex');
  const chunk = Buffer.concat([Buffer.from('VP8 '), u32(vp8.length), vp8]);
  return Buffer.concat([Buffer.from('RIFF'), u32(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

function ooxml(mainPart: string, mainType: string): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${mainPart}" ContentType="${mainType}"/></Types>`;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: mainPart, data: Buffer.from('<?xml version="1.0"?><root/>') },
  ]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A zip archive with stored (uncompressed) entries. */
export function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const common = Buffer.concat([
      u16(20),
      u16(0),
      u16(0),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(data.length),
      u32(data.length),
      u16(fileName.length),
      u16(0),
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, fileName, data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, central, end]);
}

export interface UploadOptions {
  fileName?: string;
  /** The part's Content-Type as the client claims it (never trusted by the server). */
  contentType?: string;
  fields?: Record<string, string>;
}

/** POST /projects/{id}/attachments as multipart/form-data, the way a browser form sends it. */
export function upload(t: TestApp, projectId: string, headers: Record<string, string>, content: Buffer, options: UploadOptions = {}) {
  const req = t.http.post(`/api/v1/projects/${projectId}/attachments`).set(headers);
  for (const [name, value] of Object.entries(options.fields ?? {})) req.field(name, value);
  return req.attach('file', content, {
    filename: options.fileName ?? 'evidence.bin',
    contentType: options.contentType ?? 'application/octet-stream',
  });
}

/** Reads a binary response body as a Buffer (supertest leaves unknown types unparsed otherwise). */
export function binaryParser(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the raw response stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, Buffer.alloc(0)));
}
