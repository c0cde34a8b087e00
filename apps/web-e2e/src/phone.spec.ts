import { devices, expect, test, type Locator, type Page } from '@playwright/test';
import { UI_LANGUAGES } from '@iuc/domain';
import { DEMO_PASSWORD, signInAsMalagaCoordinator } from './support';

/**
 * The platform on a phone (a Pixel 7's screen, touch, mobile viewport): people in the field check
 * their plan and answer their partner city from one. Nothing may need sideways scrolling, the
 * plan's tools fold away, and the sync status stays in sight while writing far down.
 */
const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7'];
test.use(pixel7);

const run = Date.now().toString(36);

/** The page is no wider than the screen (a table or a long name can push it past the edge). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** The element's box lies within the visible screen. */
async function expectOnScreen(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect(box, 'rendered').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
}

test('on a phone: home, the plan (contents, writing far down with the status in sight) and the discussions', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await expectNoSidewaysScroll(page);

  // Home → the city's own plan.
  const pairings = page.getByRole('region', { name: 'Your pairings' });
  await pairings.getByRole('link', { name: /Local Action Plan — Málaga/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Local Action Plan — Málaga' }),
  ).toBeVisible();
  const status = page.locator('[data-sync-state]');
  await expect(status).toHaveText(/Connected|All changes saved/);
  await expectNoSidewaysScroll(page);

  // The tools are folded on a phone, so the text comes first; the contents open on a tap.
  const tools = page.getByRole('complementary', { name: 'Plan tools' });
  const contents = tools.getByRole('button', { name: 'Contents' });
  await expect(contents).toHaveAttribute('aria-expanded', 'false');
  await contents.tap();
  await expect(contents).toHaveAttribute('aria-expanded', 'true');
  await tools.getByRole('link', { name: /Monitoring and results framework/ }).tap();

  // The section is shown below the sticky status bar, not under it.
  const heading = page.getByRole('heading', { level: 2, name: /Monitoring and results framework/ });
  await expect(heading).toBeInViewport();
  const statusBox = await status.boundingBox();
  const headingBox = await heading.boundingBox();
  expect(headingBox!.y).toBeGreaterThanOrEqual(statusBox!.y + statusBox!.height);

  // Writing there, far down the page: the status bar is on screen and reports the save.
  const editor = page.getByRole('textbox', {
    name: 'Monitoring and results framework',
    exact: true,
  });
  await editor.tap();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` Counted from a phone ${run}.`);
  await expectOnScreen(page, status);
  await expect(status).toHaveText('All changes saved');
  await page.reload();
  await expect(
    page.getByRole('textbox', { name: 'Monitoring and results framework', exact: true }),
  ).toContainText(`Counted from a phone ${run}.`);

  // The pairing's discussions: a message goes out and the composer stays on screen.
  await page.goto('/');
  await pairings.getByRole('link', { name: /^Discussions/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Discussions' })).toBeVisible();
  const composer = page.getByRole('combobox', { name: 'Message #General' });
  await composer.fill(`On my way to the depot ${run}`);
  await composer.press('Enter');
  const sent = page
    .getByRole('log', { name: 'Messages in General' })
    .getByRole('article')
    .filter({ hasText: `On my way to the depot ${run}` });
  await expect(sent).toBeVisible();
  await expectOnScreen(page, composer);
  await expectNoSidewaysScroll(page);
});

// Long words and labels (French, German, Portuguese) are what push a page past a small screen.
for (const language of UI_LANGUAGES) {
  test(`on a small phone (360 px) in ${language}, no page scrolls sideways`, async ({
    browser,
    request,
  }) => {
    // Six pages, each loaded whole (the plan's document, the channel's messages): on a busy
    // machine that passes the default 30 s (a CI run took 35 s while another job ran).
    test.slow();
    const login = await request.post('/api/auth/login', {
      data: { email: 'coordinator.malaga@demo.iuc.test', password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const [pairing] = await (await request.get('/api/pairings?text=malaga')).json();
    const [plan] = await (await request.get(`/api/pairings/${pairing.id}/plans`)).json();
    // Each page with what shows once its content has arrived (the plan's action cards come with
    // the synced document, the channel's messages over the socket).
    const pages: [string, (page: Page) => Locator][] = [
      ['/', (page) => page.getByRole('region', { name: /.+/ }).first()],
      ['/pairings', (page) => page.locator('main article').first()],
      [`/pairings/${pairing.id}`, (page) => page.locator('main section').first()],
      [`/plans/${plan.id}`, (page) => page.locator('main article').first()],
      [
        `/pairings/${pairing.id}/discussions`,
        (page) => page.getByRole('log').getByRole('article').first(),
      ],
      // Results with their kind chips and long snippets (the demo pairings speak of mobility).
      ['/search?q=mobility', (page) => page.locator('main ol > li').first()],
    ];
    const context = await browser.newContext({
      ...pixel7,
      viewport: { width: 360, height: 780 },
      storageState: await request.storageState(),
    });
    await context.addInitScript((l) => localStorage.setItem('iuc.language', l), language);
    const page = await context.newPage();
    for (const [path, content] of pages) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(content(page)).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
    await context.close();
  });
}
