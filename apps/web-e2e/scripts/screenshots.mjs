// Takes PNG screenshots of the main pages for people to look at (not a test).
// Usage: node apps/web-e2e/scripts/screenshots.mjs [baseURL] [outDir]
//   baseURL defaults to http://localhost:3100 (the e2e server); outDir to /tmp/shots.
//   LANG_UI=es picks the UI language; WIDTH=390 takes phone-sized shots; PAIRING=graz shows the first
//   pairing the directory finds for that text (default: malaga).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const baseURL = process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3100';
const outDir = process.argv[3] ?? '/tmp/shots';
const lang = process.env.LANG_UI ?? 'en';
const width = Number(process.env.WIDTH ?? 1366);
const pairing = process.env.PAIRING ?? 'malaga';
const suffix = `${lang === 'en' ? '' : `-${lang}`}${width < 700 ? '-phone' : ''}`;
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ baseURL, viewport: { width, height: 900 } });
await page.addInitScript((l) => localStorage.setItem('iuc.language', l), lang);

async function shot(name) {
  await page.waitForLoadState('networkidle');
  // Data arrives after the page shell: wait until no loading spinner is left.
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
  const file = path.join(outDir, `${name}${suffix}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

try {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('login');

  // Sign in through the demo picker as Málaga's coordinator.
  await page.getByRole('searchbox').first().fill('malaga');
  await page
    .getByRole('button', { name: /coordinator|coordinador|Málaga/i })
    .first()
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('navigation').waitFor(); // only rendered once signed in
  await shot('home');

  await page.goto('/pairings');
  await page.getByRole('list', { name: /.+/ }).last().waitFor();
  await shot('directory');

  await page.goto(`/pairings?text=${encodeURIComponent(pairing)}`);
  await page.locator('main article a').first().click();
  await page.waitForURL(/\/pairings\/.+/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(pairing === 'malaga' ? 'pairing' : `pairing-${pairing}`);
} finally {
  await browser.close();
}
