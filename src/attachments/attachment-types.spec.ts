import { SAMPLES } from '../../test/support/attachments';
import { detectAttachmentType, servedContentType } from './attachment-types';

describe('detectAttachmentType (from the bytes, never the name)', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['text', 'text/plain'],
  ] as const)('accepts %s as %s whatever it is called', async (sample, type) => {
    expect(await detectAttachmentType(SAMPLES[sample], { fileName: 'renamed.exe', declaredType: 'application/x-msdownload' })).toEqual({
      ok: true,
      contentType: type,
    });
  });

  it('labels verified text as CSV only when the client says so by name or type', async () => {
    expect(await detectAttachmentType(SAMPLES.csv, { fileName: 'calls.csv' })).toEqual({ ok: true, contentType: 'text/csv' });
    expect(await detectAttachmentType(SAMPLES.csv, { fileName: 'calls', declaredType: 'text/csv; charset=utf-8' })).toEqual({
      ok: true,
      contentType: 'text/csv',
    });
    expect(await detectAttachmentType(SAMPLES.csv, { fileName: 'calls.txt' })).toEqual({ ok: true, contentType: 'text/plain' });
    // …but a name never makes binary content text.
    expect((await detectAttachmentType(SAMPLES.exe, { fileName: 'calls.csv', declaredType: 'text/csv' })).ok).toBe(false);
  });

  it.each([
    ['exe', 'application/x-msdownload'],
    ['elf', 'application/x-elf'],
    ['zip', 'application/zip'],
    ['svgXml', 'application/xml'],
    ['html', 'text/html'],
    ['svg', 'text/html'],
    ['shellScript', 'text/x-script'],
    ['nul', null],
    ['latin1', null],
  ] as const)('refuses %s (detected as %s) even when named .png', async (sample, detected) => {
    const result = await detectAttachmentType(SAMPLES[sample], { fileName: 'photo.png', declaredType: 'image/png' });
    expect(result).toMatchObject({ ok: false, detected });
  });

  it('refuses an empty file and markup after leading whitespace or a BOM', async () => {
    expect((await detectAttachmentType(Buffer.alloc(0), { fileName: 'a.txt' })).ok).toBe(false);
    const bomHtml = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n  <html><body>hi</body></html>')]);
    expect(await detectAttachmentType(bomHtml, { fileName: 'a.txt' })).toMatchObject({ ok: false, detected: 'text/html' });
    const laterScript = Buffer.from(`notes\n${'x'.repeat(100)}\n<script>alert(1)</script>`);
    expect(await detectAttachmentType(laterScript, { fileName: 'a.txt' })).toMatchObject({ ok: false, detected: 'text/html' });
  });

  it('serves text with its verified charset', () => {
    expect(servedContentType('text/csv')).toBe('text/csv; charset=utf-8');
    expect(servedContentType('image/png')).toBe('image/png');
  });
});
