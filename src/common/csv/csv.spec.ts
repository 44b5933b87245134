import fc from 'fast-check';
import { csvCell, csvLine } from './csv';

/** A minimal RFC 4180 reader, to check that what we write reads back. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const body = line.replace(/\r\n$/, '');
  while (i <= body.length) {
    if (body[i] === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (body[j] === '"' && body[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (body[j] === '"') break;
        else text += body[j++];
      }
      cells.push(text);
      i = j + 2;
    } else {
      const end = body.indexOf(',', i);
      cells.push(body.slice(i, end < 0 ? body.length : end));
      i = end < 0 ? body.length + 1 : end + 1;
    }
  }
  return cells;
}

describe('csv', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('escapes %j as %s', (input, expected) => expect(csvCell(input)).toBe(expected));

  it('writes numbers, booleans, dates and nulls plainly (negative numbers stay numbers)', () => {
    expect(csvLine([1, -2.5, true, null, undefined, new Date('2026-01-02T00:00:00.000Z')])).toBe(
      '1,-2.5,true,,,2026-01-02T00:00:00.000Z\r\n',
    );
  });

  it('round-trips any text, and no cell read back starts a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const back = parseLine(csvLine(cells));
        expect(back).toHaveLength(cells.length);
        back.forEach((cell, i) => {
          expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          // What was written is the input, with a quote in front of a formula start and nothing else.
          expect(cell).toBe(/^[=+\-@\t\r]/.test(cells[i]) ? `'${cells[i]}` : cells[i]);
        });
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
