import { isFinal, LIFECYCLE_ACTIONS, PROJECT_STATES } from '../../src/projects/project-lifecycle';
import { AREAS, CATALOGS, EN } from '../../web/src/i18n/catalog';
import { formatDate, formatMoney, majorUnitsText, parseDecimal, parseMajorUnits } from '../../web/src/i18n/format';
import { intlTag, negotiate } from '../../web/src/i18n/locale';
import { interpolate } from '../../web/src/i18n/template';
import { i18nFor } from '../../web/src/i18n/translate';
import { CLOSED_STATES } from '../../web/src/lib/format';

/**
 * The web app's catalog and formatting, in Node (no browser, no database): the typecheck already
 * refuses a missing key or a renamed placeholder; these check what types cannot see.
 */
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(EN);

describe('web i18n catalog', () => {
  it('has the same keys in both languages, no empty text, the same placeholders', () => {
    expect(Object.keys(CATALOGS.fr).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const en: string = CATALOGS.en[key as keyof typeof EN];
      const fr: string = CATALOGS.fr[key as keyof typeof EN];
      expect({ key, empty: en.trim() === '' || fr.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, fr: placeholders(fr) }).toEqual({ key, fr: placeholders(en) });
    }
  });

  it('defines each key in one area only (a later area would silently override it)', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [area, messages] of Object.entries(AREAS)) {
      for (const key of Object.keys(messages.en)) {
        if (seen.has(key)) duplicates.push(`${key} (${seen.get(key)} and ${area})`);
        seen.set(key, area);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('is translated: French differs from English except for words both languages share', () => {
    const same = keys.filter((k) => CATALOGS.fr[k as keyof typeof EN] === CATALOGS.en[k as keyof typeof EN]);
    // HERO, PDF, Web, Mobile, Cloud, Division… are the same word in French; most texts are not.
    expect(same.length / keys.length).toBeLessThan(0.08);
    expect(CATALOGS.fr['nav.myProjects']).toBe('Mes projets');
  });

  it('names every project state and every lifecycle action of the server', () => {
    for (const state of PROJECT_STATES) expect(keys).toContain(`state.${state}`);
    const sharedButtons = ['decide_approve', 'decide_reject', 'decide_request_changes', 'decline_cosign'];
    for (const action of LIFECYCLE_ACTIONS) {
      if (!sharedButtons.includes(action)) expect(keys).toContain(`action.${action}`);
      expect(keys).toContain(`audit.project.${action}`);
    }
    expect([...CLOSED_STATES].sort()).toEqual(PROJECT_STATES.filter(isFinal).sort());
  });
});

describe('web i18n: choosing the language', () => {
  it('takes the first supported browser language, like the server', () => {
    expect(negotiate(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(negotiate(['en-GB', 'fr'])).toBe('en');
    expect(negotiate(['de', 'es'])).toBeUndefined();
  });

  it('formats with the browser’s own variant of the chosen language', () => {
    expect(intlTag('fr', ['en-US', 'fr-be'])).toBe('fr-BE');
    expect(intlTag('fr', ['en-US'])).toBe('fr');
    expect(intlTag('en', ['en-GB'])).toBe('en-GB');
  });
});

describe('web i18n: money, numbers and dates through Intl', () => {
  const money = { amount: 1_200_050, currency: 'EUR' };

  it('formats money from minor units per locale (compared with Intl’s own output)', () => {
    expect(formatMoney(money, 'fr')).toBe(new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(12000.5));
    expect(formatMoney(money, 'en')).toBe('€12,000.50');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney(null, 'fr')).toBe('—');
    // Not an ISO 4217 code (Intl refuses it): the amount in minor units and the code.
    expect(formatMoney({ amount: 100, currency: 'EURO' }, 'en')).toBe('100 EURO');
  });

  it('reads amounts typed the user’s way', () => {
    expect(parseMajorUnits('12 000,50', 'EUR', 'fr')).toBe(1_200_050);
    expect(parseMajorUnits('12\u202f000,5', 'EUR', 'fr-FR')).toBe(1_200_050);
    expect(parseMajorUnits('12000.50', 'EUR', 'fr')).toBe(1_200_050);
    expect(parseMajorUnits('12.000', 'EUR', 'fr')).toBe(1_200_000);
    expect(parseMajorUnits('12,000.50', 'EUR', 'en')).toBe(1_200_050);
    expect(parseMajorUnits('1500', 'JPY', 'en')).toBe(1500);
    expect(parseMajorUnits('12.345', 'EUR', 'en')).toBeUndefined();
    expect(parseMajorUnits('twelve', 'EUR', 'en')).toBeUndefined();
    expect(parseMajorUnits('-5', 'EUR', 'en')).toBeUndefined();
    expect(parseDecimal('1 200,75', 'fr')).toBe(1200.75);
    expect(majorUnitsText(money, 'fr')).toBe('12000,5');
    expect(majorUnitsText(money, 'en')).toBe('12000.5');
  });

  it('formats calendar days in UTC per locale', () => {
    const day = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(formatDate('2027-03-01', 'fr')).toBe(day.format(new Date(Date.UTC(2027, 2, 1))));
    expect(formatDate('2027-03-01', 'en-GB')).toBe('1 Mar 2027');
    expect(formatDate(undefined, 'en')).toBe('—');
  });
});

describe('web i18n: texts', () => {
  it('fills placeholders once, formats numbers per locale, and picks plural forms by the language’s rules', () => {
    const fr = i18nFor('fr');
    const en = i18nFor('en');
    expect(fr.t('queue.picked', { title: 'Chatbot {title}' })).toBe('Vous conseillez désormais « Chatbot {title} ».');
    expect(fr.t('home.toAssess', { count: 12000 })).toBe(`${new Intl.NumberFormat('fr').format(12000)} à évaluer`);
    // French counts 0 and 1 as singular, English only 1.
    expect(fr.tp('support.count', 0)).toBe('0 collègue soutient ce projet.');
    expect(en.tp('support.count', 0)).toBe('0 colleagues support this project.');
    expect(en.tp('support.count', 1)).toBe('1 colleague supports this project.');
    expect(fr.term('state', 'in_review')).toBe('En évaluation');
    expect(fr.term('state', 'some_new_state')).toBe('Some new state');
    expect(interpolate('{a} and {b}', { a: '{b}' })).toBe('{b} and {b}');
  });

  it('translates the server’s risk framework only while it is the English text the catalog knows', () => {
    const fr = i18nFor('fr');
    expect(fr.known('dimension.security.name', 'Security')).toBe('Sécurité');
    expect(fr.known('dimension.security.name', 'Cyber security')).toBe('Cyber security');
  });
});
