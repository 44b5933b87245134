import fc from 'fast-check';
import { attachmentDisposition, cleanFileName } from './attachment-file-name';

describe('attachment file names', () => {
  it('keeps only the last path segment and drops control and direction-override characters', () => {
    expect(cleanFileName('C:\\Users\\me\\contract.pdf')).toBe('contract.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(cleanFileName('')).toBe('attachment');
    expect(cleanFileName('..')).toBe('attachment');
    expect(cleanFileName(undefined)).toBe('attachment');
    expect([...cleanFileName('é'.repeat(400))]).toHaveLength(255);
  });

  it('writes Content-Disposition: attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Présentation "v2".pdf')).toBe(
      `attachment; filename="Pr_sentation _v2_.pdf"; filename*=UTF-8''Pr%C3%A9sentation%20%22v2%22.pdf`,
    );
    expect(attachmentDisposition("it's (final)*.txt")).toBe(
      `attachment; filename="it's (final)*.txt"; filename*=UTF-8''it%27s%20%28final%29%2A.txt`,
    );
  });

  it('never lets a name break out of the header (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        const header = attachmentDisposition(cleanFileName(raw));
        expect(header).toMatch(/^attachment; filename="[\x20-\x7E]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
        expect(header.match(/"/g)).toHaveLength(2);
        const encoded = header.split("UTF-8''")[1] ?? '';
        expect(decodeURIComponent(encoded)).toBe(cleanFileName(raw));
      }),
    );
  });
});
