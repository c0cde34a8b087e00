import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signInAsMalagaCoordinator } from './support';

test('switching to Spanish translates the page, sets <html lang> and is remembered', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await page.goto('/pairings');
  await expect(page.getByRole('heading', { level: 1, name: 'Pairings' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Hermanamientos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Inicio' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Región socia' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /hermanamientos encontrados$/ }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Hermanamientos · Plataforma de Conocimiento IUC$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hermanamientos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // A plan's title as created is read in the reader's language too (stored in English).
  await page
    .getByRole('navigation', { name: 'Principal' })
    .getByRole('link', { name: 'Inicio' })
    .click();
  await page.getByRole('link', { name: /^Plan de Acción Local — Málaga/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Plan de Acción Local — Málaga' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Plan de Acción Local — Málaga · /);
});

const localesDir = fileURLToPath(new URL('../../web/src/i18n/locales', import.meta.url));

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** "demo.count_one" and "demo.count_other" are both the key "demo.count". */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

test('locale files: no key English lacks, Spanish complete, the core translated everywhere', () => {
  const load = (file: string) =>
    JSON.parse(readFileSync(path.join(localesDir, file), 'utf8')) as unknown;
  const english = new Set(keys(load('en.json')).map(base));
  const files = readdirSync(localesDir).filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual([
    'de.json',
    'en.json',
    'es.json',
    'fr.json',
    'it.json',
    'ja.json',
    'pt.json',
    'zh.json',
  ]);
  for (const file of files) {
    const own = new Set(keys(load(file)).map(base));
    expect(
      [...own].filter((k) => !english.has(k)),
      `${file}: keys English does not have`,
    ).toEqual([]);
    const required =
      file === 'es.json'
        ? [...english]
        : [...english].filter((k) => /^(nav|login|directory)\./.test(k));
    expect(
      required.filter((k) => !own.has(k)),
      `${file}: missing translations`,
    ).toEqual([]);
  }
});
