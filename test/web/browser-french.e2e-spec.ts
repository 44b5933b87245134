import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/database/demo-seed';
import { ensureChromium, screenshot, startBrowserApp, type BrowserApp } from './browser-harness';

/**
 * The web app in French (issue 12 item 5), in a real browser: a browser that prefers French gets
 * French screens and French problems from the server; amounts are read and written the French way
 * (checked against the browser's own Intl, never a hand-typed string); attachments and colleagues'
 * support work in French; the language menu saves the choice on the account (PATCH /me), and the
 * saved choice beats the browser's language. Screenshots land in test-results/screens/fr-*.png.
 */
const skipReason = ensureChromium();
if (skipReason) process.stderr.write(`\nSKIPPING the browser tests: ${skipReason}\n\n`);
const describeBrowser = skipReason ? describe.skip : describe;
jest.setTimeout(60_000);

const TITLE = 'Chatbot de suivi des colis';

/** What Intl itself writes for an amount in the page's own locale (the tag the app formats with). */
function intlMoney(page: Page, major: number, currency: string, tag = 'fr-FR'): Promise<string> {
  return page.evaluate(
    ([value, code, locale]) => new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(Number(value)),
    [String(major), currency, tag] as const,
  );
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Principal' }).waitFor();
}

describeBrowser('web app in French', () => {
  let app: BrowserApp;
  let hero: Page;
  let manager: Page;
  let projectPath = '';

  beforeAll(async () => {
    app = await startBrowserApp({ screenPrefix: 'fr-' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('speaks French to a browser that prefers it, the server’s problems included', async () => {
    hero = await app.newPage({ locale: 'fr-FR' });
    await hero.goto('/');
    await hero.getByRole('heading', { name: 'Se connecter à HERO Compact' }).waitFor();
    expect(await hero.locator('html').getAttribute('lang')).toBe('fr');
    await hero.getByLabel('E-mail', { exact: true }).fill('hero@demo.local');
    await hero.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon');
    await hero.getByRole('button', { name: 'Se connecter' }).click();
    // The server's own French (Accept-Language: fr), not a text of the app.
    await hero.getByRole('alert').getByText('Identifiants invalides').waitFor();
    await screenshot(hero, 'sign-in-refused');
  });

  it('signs in to French menus, with budgets written the French way', async () => {
    await signIn(hero, 'hero@demo.local');
    await hero.getByRole('heading', { name: 'Mes projets', level: 1 }).waitFor();
    const mine = await app.t.http
      .get('/api/v1/projects?mine=true&limit=100')
      .set(await app.actors.auth('hero'))
      .expect(200);
    const withBudget = (mine.body.items as { title: string; budget: { amount: number; currency: string } | null }[]).find((p) => p.budget);
    expect(withBudget).toBeDefined();
    const { title, budget } = withBudget!;
    const cell = hero
      .getByRole('row', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .locator('td[data-label="Budget"]');
    const shown = (await cell.textContent()) ?? '';
    expect(shown).toBe(await intlMoney(hero, budget!.amount / 100, budget!.currency));
    expect(shown).toMatch(/,\d\d\s€$/u); // decimal comma, the symbol after the amount
    await screenshot(hero, 'my-projects', 'french-my-projects');
  });

  it('wizard: the server’s French message next to the field; a French amount is read and shown back', async () => {
    await hero.getByRole('link', { name: 'Nouveau projet' }).click();
    await hero.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    const error = hero.locator('#f-title-error');
    await error.waitFor();
    expect(await hero.locator('#f-title').getAttribute('aria-invalid')).toBe('true');
    const message = (await error.textContent()) ?? '';
    expect(message).toMatch(/title/); // the field keeps its API name…
    expect(message).toMatch(/doit|champ/); // …in a French sentence
    await hero.getByRole('alert').getByText('Validation échouée').waitFor();
    await screenshot(hero, 'wizard-refused');

    await hero.getByLabel('Titre du projet', { exact: true }).fill(TITLE);
    await hero.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await hero.getByRole('heading', { name: /Étape 2 sur 7/ }).waitFor();
    projectPath = new URL(hero.url()).pathname.replace(/\/edit$/, '');
    await hero.getByRole('button', { name: /Budget, calendrier, valeur et effort/ }).click();
    await hero.getByLabel('Budget', { exact: true }).fill('12 000,50');
    await hero.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await hero.getByRole('heading', { name: /Étape 5 sur 7/ }).waitFor();
    await hero.getByRole('button', { name: /Relire et soumettre/ }).click();
    const budget = hero.locator('dl.review dt', { hasText: 'Budget' }).locator('xpath=following-sibling::dd[1]');
    expect(await budget.textContent()).toBe(await intlMoney(hero, 12000.5, 'EUR'));
    await screenshot(hero, 'wizard-review');
  });

  it('attachments: a refused type is explained in French; a file is uploaded, downloaded and deleted', async () => {
    await hero.goto(projectPath);
    const section = hero.getByRole('region', { name: 'Pièces jointes' });
    await section.getByText('Aucun fichier joint pour l’instant.').waitFor();
    await section.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'outil.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]),
    });
    await section.getByRole('button', { name: 'Joindre' }).click();
    await section.getByRole('alert').getByText('Type de pièce jointe non accepté').waitFor();

    await section.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'avis-confidentialite.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Avis de confidentialité du chatbot.\n'),
    });
    await section.getByLabel('Description', { exact: true }).fill('Projet d’avis aux clients');
    await section.getByRole('button', { name: 'Joindre' }).click();
    // Intl writes the size ("37 octets", with a no-break space): the type and size read in French.
    await section.getByText(/Texte · \d+\soctets · ajouté par Hana Hero/).waitFor();
    const [download] = await Promise.all([
      hero.waitForEvent('download'),
      section.getByRole('button', { name: 'Télécharger avis-confidentialite.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('avis-confidentialite.txt');
    await screenshot(hero, 'attachments');
    await section.getByRole('button', { name: 'Supprimer avis-confidentialite.txt' }).click();
    await section
      .getByRole('group', { name: /Confirmer la suppression/ })
      .getByRole('button', { name: 'Supprimer' })
      .click();
    await section.getByText('Aucun fichier joint pour l’instant.').waitFor();
  });

  it('support: a colleague backs a project with a note; the count reads in French', async () => {
    manager = await app.newPage({ locale: 'fr-FR' });
    await signIn(manager, 'manager@demo.local');
    const list = await app.t.http
      .get('/api/v1/projects?limit=100&state=submitted,in_review,awaiting_decision,approved,in_delivery,launched')
      .set(await app.actors.auth('manager'))
      .expect(200);
    const managerId = await app.actors.userId('manager');
    const target = (list.body.items as { id: string; proposerId: string; supportCount: number }[]).find((p) => p.proposerId !== managerId);
    expect(target).toBeDefined();
    await manager.goto(`/projects/${target!.id}`);
    const support = manager.getByRole('region', { name: 'Soutien des collègues' });
    await support.getByRole('button', { name: 'Soutenir ce projet' }).click();
    await support.getByLabel('Pourquoi ? (facultatif)', { exact: true }).fill('Mes clients lyonnais le demandent chaque semaine.');
    await support.getByRole('button', { name: 'Soutenir ce projet' }).click();
    const count = target!.supportCount + 1;
    await support.getByText(count === 1 ? '1 collègue soutient ce projet.' : `${count} collègues soutiennent ce projet.`).waitFor();
    await support.getByText('Vous soutenez ce projet.').waitFor();
    await manager.getByRole('heading', { name: 'Historique' }).waitFor();
    await manager.locator('.timeline li').first().waitFor();
    await screenshot(manager, 'project-page');
  });

  it('language menu: the choice is saved on the account and beats the browser’s language', async () => {
    const me = async () =>
      (
        await app.t.http
          .get('/api/v1/me')
          .set(await app.actors.auth('manager'))
          .expect(200)
      ).body.locale as string | null;
    // The page switches at once and saves the choice in the background: wait for the save itself.
    const saved = () => manager.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/me') && r.ok());
    expect(await me()).toBeNull();
    let save = saved();
    await manager.getByLabel('Langue', { exact: true }).selectOption('en');
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My projects' }).waitFor();
    expect(await manager.locator('html').getAttribute('lang')).toBe('en');
    await save;
    expect(await me()).toBe('en');
    save = saved();
    await manager.getByLabel('Language', { exact: true }).selectOption('fr');
    await manager.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Mes projets' }).waitFor();
    await save;
    expect(await me()).toBe('fr');

    // An English browser: the sign-in page is English, the account's French takes over once signed in.
    const english = await app.newPage({ locale: 'en-US' });
    await english.goto('/');
    await english.getByLabel('Email', { exact: true }).fill('manager@demo.local');
    await english.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await english.getByRole('button', { name: 'Sign in' }).click();
    await english.getByRole('navigation', { name: 'Principal' }).waitFor();
    await english.getByRole('link', { name: 'Portefeuille' }).click();
    await english.getByRole('heading', { name: 'Carte de chaleur des risques' }).waitFor();
    await english.locator('.recharts-surface').first().waitFor();
    await screenshot(english, 'portfolio');
  });
});
