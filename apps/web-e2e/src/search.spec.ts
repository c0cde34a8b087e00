import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signInAsMalagaCoordinator } from './support';

/**
 * The header's search box, driven by the keyboard as its users do: type, ArrowDown to the result,
 * Enter; the result opens where it matched (a plan's section, a message in its channel).
 */

const box = (page: Page) => page.getByRole('combobox', { name: 'Search', exact: true });
const suggestions = (page: Page) => page.getByRole('listbox', { name: 'Suggestions' });

/** ArrowDown until `option` is the highlighted one (the field keeps focus throughout). */
async function highlight(page: Page, option: Locator): Promise<void> {
  await expect(option).toBeVisible();
  for (let i = 0; i < 8; i++) {
    await box(page).press('ArrowDown');
    if ((await option.getAttribute('aria-selected')) === 'true') {
      await expect(box(page)).toHaveAttribute(
        'aria-activedescendant',
        (await option.getAttribute('id')) ?? '',
      );
      await expect(box(page)).toBeFocused();
      return;
    }
  }
  throw new Error('the option was never highlighted');
}

/** The suggestion of a result containing `text` (not "See all results for …", which repeats it). */
const result = (page: Page, text: string) =>
  suggestions(page)
    .getByRole('option')
    .filter({ hasText: text })
    .filter({ hasNotText: 'See all results' })
    .first();

/** Indexed within seconds (asked through the API, with this page's session). */
async function findable(page: Page, word: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/search?q=${word}&limit=6`);
        return res.ok() ? ((await res.json()) as { items: unknown[] }).items.length : -1;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
}

/** A word nobody else writes: letters only, so no tokenizer splits it. */
function uniqueWord(prefix: string): string {
  return (
    prefix +
    Date.now()
      .toString(36)
      .replace(/\d/g, (d) => 'qwxzvkjyhb'[Number(d)])
  );
}

test('a demo plan section: type a word of it, pick it with the keyboard, land on the section', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  // "/" brings focus to the box from anywhere outside a text field.
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  // Málaga's demo plan says in its vision: "…los desplazamientos cotidianos".
  await box(page).pressSequentially('cotidianos');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await highlight(page, result(page, 'Visión y objetivos'));
  await box(page).press('Enter');

  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\?section=vision$/);
  const heading = page.getByRole('heading', { level: 2, name: /Vision and objectives/ });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('a plan action: its row of the action table takes focus', async ({ page }) => {
  await signInAsMalagaCoordinator(page);
  await box(page).click();
  // Málaga's demo action: "Carril bici piloto hacia los colegios".
  await box(page).pressSequentially('colegios');
  await highlight(page, result(page, 'Plan action'));
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\?action=demo-malaga-1$/);
  const action = page.getByRole('heading', { level: 3, name: /Carril bici piloto/ });
  await expect(action).toBeFocused();
  await expect(action).toBeInViewport();
});

test('a plan edit is findable at once: type its word, pick it with the keyboard, land on the section', async ({
  page,
}) => {
  test.slow(); // writes, waits for the index, then searches
  const word = uniqueWord('vireo');
  await signInAsMalagaCoordinator(page);
  // Málaga's plan, from the pairing page; a word of its own added to its vision (the demo's
  // text stays: the word is appended).
  await page
    .getByRole('region', { name: 'Your pairings' })
    .getByRole('link', { name: 'Málaga – Jingyue' })
    .click();
  await page
    .getByRole('region', { name: 'Local Action Plans' })
    .getByRole('listitem')
    .filter({ hasText: 'Plan of Málaga' })
    .getByRole('link')
    .click();
  const vision = page.getByRole('textbox', { name: 'Vision and objectives', exact: true });
  await vision.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${word}`);
  await expect(page.locator('[data-sync-state]')).toHaveText(/All changes saved/);
  await findable(page, word);

  await page.goto('/');
  await page.locator('body').press('/');
  await box(page).pressSequentially(word);
  await highlight(page, result(page, word));
  await box(page).press('Enter');

  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}\?section=vision$/);
  const heading = page.getByRole('heading', { level: 2, name: /Vision and objectives/ });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('a message: post a word, find it from the header, land on it highlighted in its channel', async ({
  page,
}) => {
  test.slow(); // posts, waits for the index, then searches
  const word = uniqueWord('quokka');
  await signInAsMalagaCoordinator(page);
  await page.goto('/pairings?text=malaga');
  await page
    .getByRole('list', { name: 'Pairings found' })
    .getByRole('link', { name: 'Málaga – Jingyue' })
    .click();
  await page.getByRole('link', { name: /^Discussions/ }).click();
  const composer = page.getByRole('combobox', { name: 'Message #General' });
  await composer.fill(`Shall we try the ${word} idea for the cycle lanes?`);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');

  await findable(page, word);

  await page.goto('/');
  await page.locator('body').press('/');
  await box(page).pressSequentially(word);
  await highlight(page, result(page, word));
  await box(page).press('Enter');

  await expect(page).toHaveURL(/\/pairings\/[0-9a-f-]{36}\/discussions\/[0-9a-f-]{36}\?message=/);
  const message = page
    .getByRole('log', { name: 'Messages in General' })
    .getByRole('article')
    .filter({ hasText: word });
  await expect(message).toHaveAttribute('data-highlighted', 'true');
  await expect(message).toBeInViewport();
});

test('Enter with nothing highlighted opens the results page: highlights, kinds, filters, no serious accessibility violations', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await box(page).click();
  await box(page).pressSequentially('bicicleta');
  await expect(suggestions(page).getByRole('option').first()).toBeVisible();
  await box(page).press('Enter');

  await expect(page).toHaveURL(/\/search\?q=bicicleta$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /results? for “bicicleta”/ }),
  ).toBeVisible();
  const results = page.getByRole('region', { name: 'Results' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/bicicleta/i);
  await expect(page.getByRole('radiogroup', { name: 'Kind of result' })).toBeVisible();
  await expectAccessible(page);

  // A query of only operators: a helpful answer, not an error page.
  await page.goto('/search?q=%26%7C!');
  await expect(page.getByRole('alert')).toContainText('There is nothing to search for yet');
});

test('a city opens the directory narrowed to its pairings; a file opens its item at that file', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await box(page).click();
  await box(page).pressSequentially('Graz');
  await highlight(page, result(page, 'City'));
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/pairings\?city=[0-9a-f-]{36}$/);
  await expect(page.getByText('Only the pairings of Graz')).toBeVisible();
  const pairings = page.getByRole('list', { name: 'Pairings found' }).locator(':scope > li');
  await expect(pairings).toHaveCount(1);
  await expect(pairings.first()).toContainText('Graz');

  // Words on the second page of Jingyue's demo PDF (a case study in Chinese).
  await box(page).click();
  await box(page).pressSequentially('百分之十五');
  await highlight(page, result(page, '.pdf'));
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/library\/[0-9a-f-]{36}\?file=[0-9a-f-]{36}&page=2$/);
  const file = page.getByRole('article', { name: /\.pdf$/ });
  await expect(file).toBeFocused();
  await expect(file).toBeInViewport();
  await expect(file.getByRole('link', { name: /at page 2$/ })).toHaveAttribute(
    'href',
    /^\/api\/files\/[0-9a-f-]{36}#page=2$/,
  );
});
