import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible } from './support';

/**
 * The library in the browser: Málaga's coordinator shares a good practice programme-wide with a
 * PDF uploaded through tus (progress bar and announcements), sees its preview once the background
 * job has made it, and downloads the same bytes; the officer publishes it from the review queue;
 * Austin's coordinator (another pairing) finds it only then. An SVG with a script, opened from the
 * library, runs nothing.
 */

const LUCIA = 'coordinator.malaga@demo.iuc.test';
const AUSTIN = 'coordinator.austin@demo.iuc.test';
const OFFICER = 'officer@demo.iuc.test';

const run = Date.now().toString(36);
const TITLE = `Night buses for shift workers ${run}`;
const PDF_NAME = `night-buses-${run}.pdf`;

test.describe.configure({ mode: 'serial' });

/** A new browser context signed in as `email` (through the API: the login page has its own specs). */
async function signedIn(
  browser: Browser,
  email: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const res = await context.request.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.ok(), `sign-in of ${email}`).toBe(true);
  return context.newPage();
}

/** A three-page PDF with text in it, made here so the test owns its bytes. */
function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: TITLE } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const pages = [
      'Night buses for shift workers: why hospital and port staff needed them.',
      'Routes were drawn with the unions; ridership doubled in a year.',
      'Lessons: start with two lines, publish the timetable in four languages.',
    ];
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc
        .fontSize(20)
        .text(`${TITLE} — ${i + 1}`)
        .moveDown()
        .fontSize(12)
        .text(text);
    });
    doc.end();
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let pdf: Buffer;
let itemPath: string;

test.beforeAll(async () => {
  pdf = await makePdf();
});

test('a coordinator uploads a PDF with a progress bar, sees its preview and downloads it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, LUCIA);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.getByRole('link', { name: 'Share a resource' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share a resource' })).toBeVisible();

  // Saving without a title names the field.
  await page.getByRole('radio', { name: 'Everyone in the programme' }).check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('This is required.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused();

  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Summary' }).fill('Two night lines for hospital staff.');
  await page.getByRole('textbox', { name: 'The problem' }).fill('No transit after midnight.');
  // The dropzone's real button opens the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf });

  const bar = page.getByRole('progressbar', { name: `Upload of ${PDF_NAME}` });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Uploaded', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`${PDF_NAME} uploaded`)).toBeAttached();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  itemPath = new URL(page.url()).pathname;
  expect(itemPath).toMatch(/^\/library\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Waiting for review').first()).toBeVisible();
  await expect(page.getByText('Everyone in the programme')).toBeVisible();

  // The preview comes from a background job: the page asks again until it is there.
  await expect(page.getByRole('img', { name: `Preview of ${PDF_NAME}` })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/3 pages/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `Download ${PDF_NAME}` }).click();
  const file = await (await download).path();
  expect(sha256(await readFile(file))).toBe(sha256(pdf));
  await page.context().close();
});

test('another pairing does not see it before an officer publishes it', async ({ browser }) => {
  const austin = await signedIn(browser, AUSTIN);
  await austin.goto(itemPath);
  await expect(
    austin.getByText('This item does not exist or is not shared with you.'),
  ).toBeVisible();
  await expect(austin.getByRole('link', { name: 'Back to the library' })).toBeVisible();
  await austin.context().close();
});

test('the officer publishes it from the review queue', async ({ browser }) => {
  const officer = await signedIn(browser, OFFICER);
  await officer.goto('/');
  const queue = officer.getByRole('region', { name: 'Library items waiting for review' });
  await queue.getByRole('link', { name: TITLE }).click();
  await expect(officer.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Rejecting needs a reason.
  await officer.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(officer.getByText('Write a comment to request changes or to reject.')).toBeVisible();
  await expect(officer.getByRole('textbox', { name: 'Comment for the author' })).toBeFocused();

  await officer.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(officer.getByRole('region', { name: 'Review' })).toHaveCount(0);
  await expect(officer.getByText(/published it$/)).toBeVisible();
  await expect(officer.getByRole('switch', { name: 'Featured in the library' })).toBeVisible();
  await officer.context().close();
});

test('a member of another pairing then finds it in the library', async ({ browser }) => {
  const austin = await signedIn(browser, AUSTIN);
  await austin.goto('/library');
  await austin.getByRole('searchbox', { name: 'Search the library' }).fill(run);
  await austin.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(austin).toHaveURL(new RegExp(`[?&]q=${run}`));
  const card = austin.getByRole('article', { name: TITLE });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Good practice');
  await card.getByRole('link', { name: TITLE }).click();
  await expect(austin.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(austin.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(austin.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await austin.context().close();
});

test('an SVG with a script, opened from the library, runs nothing', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, LUCIA);
  const context = page.context();
  // Any page of this browser: a script that ran would log or open a dialog.
  const ran: string[] = [];
  context.on('dialog', (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('console', (message) => {
    if (message.text().includes('svg-script-ran')) ran.push(message.text());
  });

  await page.goto('/library/new');
  await page.getByRole('textbox', { name: 'Title' }).fill(`A drawing ${run}`);
  await page.getByRole('radio', { name: "My pairing's members" }).check();
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
      '<script>console.log("svg-script-ran");alert("svg-script-ran")</script>' +
      '<rect width="10" height="10" fill="red"/></svg>',
  );
  await page
    .locator('#resource-files-input')
    .setInputFiles({ name: `drawing-${run}.svg`, mimeType: 'image/svg+xml', buffer: svg });
  await expect(
    page.getByRole('progressbar', { name: `Upload of drawing-${run}.svg` }),
  ).toHaveAttribute('aria-valuenow', '100');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `A drawing ${run}` })).toBeVisible();

  const link = page.getByRole('link', { name: `Download drawing-${run}.svg` });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
  const res = await page.request.get(href!);
  expect(res.headers()['content-disposition']).toMatch(/^attachment/);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['content-security-policy']).toContain('sandbox');

  // Opened directly (a new tab, a pasted address), the browser downloads it instead of showing it.
  const opened = await context.newPage();
  const download = opened.waitForEvent('download');
  await opened.goto(href!).catch(() => undefined); // "Download is starting": nothing rendered
  await download;
  // On the item page the SVG itself is never an image or a frame; a preview, if one was made, is
  // a raster picture of it (nothing in it runs).
  await expect(page.locator(`img[src="${href}"], iframe, object, embed`)).toHaveCount(0);
  const preview = await page.request.get(`${href}/preview`);
  if (preview.ok()) expect(preview.headers()['content-type']).toMatch(/^image\/(png|webp|jpeg)/);
  expect(ran).toEqual([]);
  await page.context().close();
});

test('on a phone, in Spanish: the library, the item and the form fit the screen', async ({
  browser,
}) => {
  const page = await signedIn(browser, LUCIA, {
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await page.addInitScript(() => localStorage.setItem('iuc.language', 'es'));
  const noSidewaysScroll = async () =>
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
      `sideways overflow on ${page.url()}`,
    ).toBeLessThanOrEqual(0);

  await page.goto('/library');
  await expect(page.getByRole('heading', { level: 1, name: 'Biblioteca' })).toBeVisible();
  // On a phone the filters fold away behind one button.
  const filters = page.getByRole('button', { name: 'Filtros' });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await filters.tap();
  await expect(page.getByRole('combobox', { name: 'Tipo' })).toBeVisible();
  await noSidewaysScroll();

  await page.goto(itemPath);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('Todo el programa')).toBeVisible();
  await noSidewaysScroll();

  await page.goto('/library/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Compartir un recurso' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Elegir archivos' })).toBeVisible();
  await noSidewaysScroll();
  await page.context().close();
});
