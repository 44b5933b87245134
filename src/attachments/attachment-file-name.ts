/**
 * File names of attachments: cleaned once at upload (the client's name is only a label), and
 * written back in `Content-Disposition: attachment` with an ASCII fallback and the RFC 8187
 * `filename*=UTF-8''…` form, so no browser renders the file inline or mangles its name.
 */
const MAX_FILE_NAME_LENGTH = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const BIDI_AND_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The last path segment of the client's name, without control or direction-override characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(CONTROL, '').replace(BIDI_AND_INVISIBLE, '').trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
  return [...name].slice(0, MAX_FILE_NAME_LENGTH).join('');
}

/** RFC 8187 value-chars: attr-char stays, everything else is percent-encoded UTF-8. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''utf-8` for a cleaned file name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
