import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInAsMalagaCoordinator, signInWithDemoPicker } from './support';

/** Two coordinators of Málaga – Jingyue, each in their own browser context, talking live. */

async function openGeneral(page: Page): Promise<void> {
  await page.goto('/pairings?text=malaga');
  await page
    .getByRole('list', { name: 'Pairings found' })
    .getByRole('link', { name: 'Málaga – Jingyue' })
    .click();
  await page.getByRole('link', { name: /^Discussions/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Discussions' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: /General/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('log', { name: 'Messages in General' })).toBeVisible();
}

async function person(browser: Browser, signIn: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  await openGeneral(page);
  return page;
}

const composer = (page: Page) => page.getByRole('combobox', { name: 'Message #General' });
const log = (page: Page) => page.getByRole('log', { name: 'Messages in General' });
const message = (page: Page, text: string | RegExp) =>
  log(page).getByRole('article').filter({ hasText: text });

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue('');
}

test('two coordinators talk live: messages, a thread, a mention, edit, delete, unread counts', async ({
  browser,
}) => {
  test.slow(); // two people, one long conversation
  const lucia = await person(browser, signInAsMalagaCoordinator);
  const wang = await person(browser, (page) =>
    signInWithDemoPicker(page, 'Jingyue', 'Málaga – Jingyue', /Jingyue.*Coordinator/),
  );
  const run = Date.now().toString(36);

  // Both are here: each sees the other online.
  await expect(lucia.getByText(/^Online now: .*Wang Li/)).toBeAttached();
  await expect(wang.getByText(/^Online now: .*Lucía Ortega/)).toBeAttached();

  // Lucía writes; Wang sees it at once, formatted, with a day separator.
  await send(lucia, `Hello Jingyue **${run}**, agenda:\n- budget\n- pilots`);
  const hello = message(wang, `Hello Jingyue ${run}`);
  await expect(hello).toBeVisible();
  await expect(hello.locator('strong')).toHaveText(run);
  await expect(hello.getByRole('listitem')).toHaveText(['budget', 'pilots']);
  await expect(log(wang).getByRole('heading', { name: 'Today' })).toBeVisible();

  // Lucía opens the thread (empty); Wang replies in it; Lucía sees the reply live, counted.
  const luciaHello = message(lucia, `Hello Jingyue ${run}`);
  await luciaHello.hover();
  await luciaHello.getByRole('button', { name: 'Reply in thread' }).click();
  const luciaThread = lucia.getByRole('complementary', { name: 'Thread' });
  await expect(luciaThread.getByText('No replies yet.')).toBeVisible();
  await expect(luciaThread.getByRole('combobox', { name: /^Reply to Lucía/ })).toBeFocused();

  await hello.hover();
  await hello.getByRole('button', { name: 'Reply in thread' }).click();
  const wangThread = wang.getByRole('complementary', { name: 'Thread' });
  const reply = wangThread.getByRole('combobox', { name: /^Reply to Lucía/ });
  await reply.fill(`Reply from Jingyue ${run}`);
  await reply.press('Enter');
  await expect(
    wangThread.getByRole('article').filter({ hasText: `Reply from Jingyue ${run}` }),
  ).toBeVisible();

  await expect(
    luciaThread.getByRole('article').filter({ hasText: `Reply from Jingyue ${run}` }),
  ).toBeVisible();
  await expect(luciaHello.getByRole('button', { name: '1 reply' })).toBeVisible();
  await expect(luciaThread.getByText('1 reply')).toBeVisible();
  // Closing the thread gives focus back to its message.
  await luciaThread.getByRole('button', { name: 'Close thread' }).click();
  await expect(luciaThread).toBeHidden();
  await expect(luciaHello).toBeFocused();
  await wang
    .getByRole('complementary', { name: 'Thread' })
    .getByRole('button', { name: 'Close thread' })
    .click();

  // A mention, chosen from the autocomplete with the keyboard, notifies Wang.
  await composer(lucia).fill('Could @wan');
  const options = lucia.getByRole('listbox', { name: 'People to mention' });
  await expect(options.getByRole('option', { name: /Wang Li/ })).toBeVisible();
  await expect(composer(lucia)).toHaveAttribute('aria-expanded', 'true');
  await composer(lucia).press('Enter');
  await expect(composer(lucia)).toHaveValue('Could @wang.li.jingyue ');
  await expect(composer(lucia)).toHaveAttribute('aria-expanded', 'false');
  await composer(lucia).pressSequentially(`review the budget ${run}?`);
  await composer(lucia).press('Enter');
  await expect(composer(lucia)).toHaveValue('');
  // Two: the mention, and the demo library's news that the officer published his case study.
  const bell = wang.getByRole('button', { name: 'Notifications: 2 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = wang.getByRole('dialog', { name: 'Notifications' });
  await popover.getByRole('button', { name: /Lucía Ortega \(Málaga\) mentioned you/ }).click();
  await expect(wang).toHaveURL(/\/discussions\/[^?]+\?message=/);
  await expect(wang.getByRole('button', { name: 'Notifications' })).toBeVisible();
  // The mention stands out: as Wang's own for him, as a mention for Lucía.
  const asked = (page: Page) => message(page, `review the budget ${run}`);
  await expect(asked(wang).locator('[data-mention="wang.li.jingyue"][data-self]')).toHaveText(
    '@wang.li.jingyue',
  );
  await expect(
    asked(lucia).locator('[data-mention="wang.li.jingyue"]:not([data-self])'),
  ).toHaveText('@wang.li.jingyue');

  // Lucía edits her message with the keyboard (the log, then End, then E); Wang sees "edited".
  await log(lucia).focus();
  await lucia.keyboard.press('End');
  await expect(message(lucia, `review the budget ${run}?`)).toBeFocused();
  await lucia.keyboard.press('e');
  const editor = log(lucia).getByRole('combobox', { name: 'Edit message' });
  await expect(editor).toBeFocused();
  await editor.fill(`Could @wang.li.jingyue review the pilots ${run}?`);
  await editor.press('Enter');
  await expect(editor).toBeHidden();
  await expect(message(wang, `review the pilots ${run}?`)).toContainText('(edited)');

  // …then deletes it (asked first); Wang sees that it was deleted.
  const mention = message(lucia, `review the pilots ${run}?`);
  await expect(mention).toBeFocused();
  await lucia.keyboard.press('Delete');
  await lucia
    .getByRole('dialog', { name: 'Delete this message?' })
    .getByRole('button', { name: 'Delete message' })
    .click();
  await expect(message(wang, 'This message was deleted.')).toBeVisible();
  await expect(message(wang, `review the pilots ${run}?`)).toHaveCount(0);

  // Raw HTML and javascript: links arrive as text, never as markup.
  await send(
    lucia,
    `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> [click](javascript:window.__pwned=1) ${run}-safe`,
  );
  const hostile = message(wang, `${run}-safe`);
  await expect(hostile).toContainText('<script>window.__pwned=1</script>');
  await expect(hostile.locator('script, img, a')).toHaveCount(0);
  expect(await wang.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Wang is elsewhere: a message in General counts as unread there, live; back in General the
  // divider marks it and reading it clears the count.
  await wang
    .getByRole('navigation', { name: 'Channels' })
    .getByRole('link', { name: 'Jingyue team' })
    .click();
  await expect(wang.getByRole('log', { name: 'Messages in Jingyue team' })).toBeVisible();
  await send(lucia, `While you were away ${run}`);
  const general = wang
    .getByRole('navigation', { name: 'Channels' })
    .getByRole('link', { name: /^General/ });
  await expect(general).toHaveAccessibleName('General 1 unread');
  await general.click();
  await expect(log(wang).getByRole('separator', { name: 'New messages' })).toBeVisible();
  await expect(message(wang, `While you were away ${run}`)).toBeVisible();
  await expect(general).toHaveAccessibleName('General');

  // A reaction, counted for the other.
  const away = message(lucia, `While you were away ${run}`);
  await away.hover();
  await away.getByRole('button', { name: 'Add a reaction' }).click();
  await lucia
    .getByRole('dialog', { name: 'Add a reaction' })
    .getByRole('button', { name: 'Thumbs up' })
    .click();
  await expect(
    message(wang, `While you were away ${run}`).getByRole('button', {
      name: 'Thumbs up: 1 person reacted',
    }),
  ).toBeVisible();
  await expect(away.getByRole('button', { name: /Thumbs up: you reacted/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await expectAccessible(wang);
  await luciaHello.getByRole('button', { name: '1 reply' }).click();
  await expect(luciaThread).toBeVisible();
  await expectAccessible(lucia);
});

test('after a lost connection, what was written meanwhile arrives, once each', async ({
  browser,
}) => {
  const lucia = await person(browser, signInAsMalagaCoordinator);
  const wang = await person(browser, (page) =>
    signInWithDemoPicker(page, 'Jingyue', 'Málaga – Jingyue', /Jingyue.*Coordinator/),
  );
  const run = Date.now().toString(36);
  await send(lucia, `Before the tunnel ${run}`);
  await expect(message(wang, `Before the tunnel ${run}`)).toBeVisible();

  await wang.context().setOffline(true);
  await expect(wang.getByRole('status').filter({ hasText: /^Connection lost/ })).toBeVisible();
  for (const n of [1, 2, 3]) await send(lucia, `In the tunnel ${run} #${n}`);
  await expect(message(wang, `In the tunnel ${run}`)).toHaveCount(0);

  await wang.context().setOffline(false);
  await expect(wang.getByRole('status').filter({ hasText: /^Connection lost/ })).toBeHidden();
  for (const n of [1, 2, 3])
    await expect(message(wang, `In the tunnel ${run} #${n}`)).toHaveCount(1);
  await expect(message(wang, `Before the tunnel ${run}`)).toHaveCount(1);
  // Live again after the catch-up.
  await send(lucia, `Out of the tunnel ${run}`);
  await expect(message(wang, `Out of the tunnel ${run}`)).toHaveCount(1);
});

test('the size of a message shows near the 8 KB limit; over it, the message cannot be sent', async ({
  page,
}) => {
  await signInAsMalagaCoordinator(page);
  await openGeneral(page);
  const size = page.getByText(/^[\d.,]+\s?kB of 8\s?kB$/);
  await composer(page).fill('A short note.');
  await expect(size).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

  await composer(page).fill('x'.repeat(7000));
  await expect(size).toHaveText('6.9 kB of 8 kB');
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

  await composer(page).fill('x'.repeat(9000));
  await expect(size).toHaveText('8.8 kB of 8 kB');
  await expect(composer(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});
