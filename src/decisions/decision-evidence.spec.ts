import fc from 'fast-check';
import { amendedFields, isAmendmentField, type ApprovedScope } from './decision-evidence';

const approved: ApprovedScope = {
  budget: { amount: 1_200_000, currency: 'EUR' },
  dataCategories: ['personal', 'location'],
  technologies: ['web', 'ai'],
  vendors: [
    { name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number' },
    { name: 'GeoPush', service: 'Push', dataShared: 'Location' },
  ],
};

describe('amendedFields', () => {
  it.each<[string, Partial<ApprovedScope>, string[]]>([
    ['nothing changed', {}, []],
    ['technologies reordered', { technologies: ['ai', 'web'] }, []],
    [
      'vendors reordered, name case and spacing differ',
      { vendors: [approved.vendors[1], { ...approved.vendors[0], name: ' acme  chat ' }] },
      [],
    ],
    ['currency in lower case', { budget: { amount: 1_200_000, currency: 'eur' } }, []],
    ['a higher budget', { budget: { amount: 1_500_000, currency: 'EUR' } }, ['budget']],
    ['a lower budget (still a change to what was approved)', { budget: { amount: 1_000_000, currency: 'EUR' } }, ['budget']],
    ['another currency', { budget: { amount: 1_200_000, currency: 'USD' } }, ['budget']],
    ['a new data category', { dataCategories: ['personal', 'location', 'health'] }, ['dataCategories']],
    ['a technology dropped', { technologies: ['web'] }, ['technologies']],
    ['a vendor added', { vendors: [...approved.vendors, { name: 'New', service: 'x', dataShared: '' }] }, ['vendors']],
    [
      'a vendor now receives other data',
      { vendors: [{ ...approved.vendors[0], dataShared: 'Order number, e-mail' }, approved.vendors[1]] },
      ['vendors'],
    ],
    ['several at once', { budget: null, technologies: ['iot'] }, ['budget', 'technologies']],
  ])('%s', (_name, patch, expected) => {
    expect(amendedFields(approved, { ...approved, ...patch })).toEqual(expected);
  });

  it('is symmetric and reports nothing for any permutation of the same scope', () => {
    const scope = fc.record({
      budget: fc.option(fc.record({ amount: fc.nat(), currency: fc.constantFrom('EUR', 'USD') }), { nil: null }),
      dataCategories: fc.uniqueArray(fc.constantFrom('none', 'personal', 'sensitive', 'payment')),
      technologies: fc.uniqueArray(fc.constantFrom('web', 'ai', 'iot', 'mobile')),
      vendors: fc.array(fc.record({ name: fc.string(), service: fc.string(), dataShared: fc.string() }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(scope, scope, (a, b) => {
        expect(amendedFields(a, b)).toEqual(amendedFields(b, a));
        const shuffled = { ...a, technologies: [...a.technologies].reverse(), vendors: [...a.vendors].reverse() };
        expect(amendedFields(a, shuffled)).toEqual([]);
      }),
    );
  });

  it('knows the amendment fields', () => {
    expect(isAmendmentField('budget')).toBe(true);
    expect(isAmendmentField('title')).toBe(false);
  });
});
