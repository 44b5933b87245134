import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isServerPath, resolveStaticFile, wantsHtml, webDistDir } from './web-app.handler';

describe('web app serving rules', () => {
  it.each(['/api', '/api/v1/projects', '/docs', '/docs-json', '/docs/swagger-ui.css', '/health/ready', '/metrics'])(
    '%s belongs to the server, never to the web app',
    (path) => expect(isServerPath(path)).toBe(true),
  );

  it.each(['/', '/projects/42', '/apiary', '/admin/users', '/assets/index.js'])('%s may be served by the web app', (path) =>
    expect(isServerPath(path)).toBe(false),
  );

  it('treats only requests that ask for HTML as page navigations', () => {
    expect(wantsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
  });

  describe('resolveStaticFile', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), 'x');
    writeFileSync(join(root, 'index.html'), '<html>');

    it('finds files under the root', () => {
      expect(resolveStaticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
      expect(resolveStaticFile(root, '/index.html')).toBe(join(root, 'index.html'));
    });

    it.each(['/assets', '/missing.js', '/../package.json', '/assets/..%2f..%2fetc%2fpasswd', '/%E0%A4%A', '/a%00b'])(
      'refuses %s (folder, missing, outside the root or malformed)',
      (path) => expect(resolveStaticFile(root, path)).toBeUndefined(),
    );
  });

  it('finds dist/web from the package root, from src/ as from dist/src/', () => {
    const root = join(__dirname, '..', '..');
    expect(webDistDir(__dirname)).toBe(join(root, 'dist', 'web'));
    expect(webDistDir(join(root, 'dist', 'src', 'web'))).toBe(join(root, 'dist', 'web'));
  });
});
