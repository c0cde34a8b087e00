import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signInAsMalagaCoordinator } from './support';

/**
 * Málaga's Local Action Plan, written live by Málaga's coordinator (Lucía) and editor (Javier),
 * each in their own browser; read by the pairing's viewer and by Jingyue's coordinator; reviewed
 * by the programme officer. Every test writes text of its own (stamped per run), so the tests
 * do not depend on each other's content.
 */

const LUCIA = { email: 'coordinator.malaga@demo.iuc.test', name: 'Lucía Ortega (Málaga)' };
const JAVIER = { email: 'editor.malaga@demo.iuc.test', name: 'Javier Morales (Málaga)' };
const VIEWER = { email: 'viewer.malaga-jingyue@demo.iuc.test' };
const WANG = { email: 'coordinator.jingyue@demo.iuc.test', name: 'Wang Li (Jingyue)' };
const OFFICER = { email: 'officer@demo.iuc.test' };

const run = Date.now().toString(36);

/** A new browser context signed in as `email` (through the API: the login page has its own specs). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const res = await context.request.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.ok(), `sign-in of ${email}`).toBe(true);
  return context.newPage();
}

let planUrl: string;

/** Finds Málaga's plan the way people do: from the pairing page. */
test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAsMalagaCoordinator(page);
  await page
    .getByRole('region', { name: 'Your pairings' })
    .getByRole('link', { name: 'Málaga – Jingyue' })
    .click();
  const plans = page.getByRole('region', { name: 'Local Action Plans' });
  await expect(plans.getByRole('listitem')).toHaveCount(2);
  await expect(plans.getByRole('listitem').filter({ hasText: 'Plan of Jingyue' })).toContainText(
    'Draft',
  );
  await plans.getByRole('listitem').filter({ hasText: 'Plan of Málaga' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  planUrl = new URL(page.url()).pathname;
  await page.context().close();
});

async function openPlan(browser: Browser, email: string): Promise<Page> {
  const page = await signedIn(browser, email);
  await page.goto(planUrl);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Local Action Plan — Málaga' }),
  ).toBeVisible();
  await expect(status(page)).toHaveText(/Connected|All changes saved/);
  return page;
}

const section = (page: Page, title: string): Locator =>
  page.getByRole('textbox', { name: title, exact: true });
const status = (page: Page): Locator => page.locator('[data-sync-state]');
const caretLabel = (page: Page, editor: Locator, name: string): Locator =>
  editor.locator('.collaboration-carets__label', { hasText: name });

async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('two editors write the same section live: each sees the other’s text and named caret', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const javier = await openPlan(browser, JAVIER.email);
  const mine = `Málaga starts from its 2019 mobility plan (${run}).`;
  const his = `Cycling grew by 40% since 2015 (${run}).`;

  await typeAtEnd(lucia, section(lucia, 'Context and baseline'), ` ${mine}`);
  await expect(section(javier, 'Context and baseline')).toContainText(mine);
  await typeAtEnd(javier, section(javier, 'Context and baseline'), ` ${his}`);
  await expect(section(lucia, 'Context and baseline')).toContainText(`${mine} ${his}`);

  // Each sees the other's caret, labelled with the name the server stamped.
  await expect(
    caretLabel(lucia, section(lucia, 'Context and baseline'), JAVIER.name),
  ).toBeVisible();
  await expect(
    caretLabel(javier, section(javier, 'Context and baseline'), LUCIA.name),
  ).toBeVisible();
  // And both in the list of people here, by name (not colour alone).
  await expect(lucia.getByRole('list', { name: /people here/ })).toContainText(JAVIER.name);
  await expect(javier.getByRole('list', { name: /people here/ })).toContainText(`${LUCIA.name}`);
  await expect(status(lucia)).toHaveText('All changes saved');
  await expect(status(javier)).toHaveText('All changes saved');

  // The text is on the server, not just in the two browsers.
  await lucia.reload();
  await expect(section(lucia, 'Context and baseline')).toContainText(`${mine} ${his}`);
  await lucia.context().close();
  await javier.context().close();
});

test('the pairing’s viewer and the partner city’s coordinator read the plan but cannot change it', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const text = `Needs agreed with the local group (${run}).`;
  await typeAtEnd(lucia, section(lucia, 'Needs and problem analysis'), ` ${text}`);
  await expect(status(lucia)).toHaveText('All changes saved');

  for (const email of [VIEWER.email, WANG.email]) {
    const reader = await openPlan(browser, email);
    const needs = section(reader, 'Needs and problem analysis');
    await expect(needs).toContainText(text);
    await expect(needs).toHaveAttribute('contenteditable', 'false');
    await expect(needs).toHaveAttribute('aria-readonly', 'true');
    await expect(
      reader.getByText(
        "You can read this plan; only Málaga's coordinators and editors can change it.",
      ),
    ).toBeVisible();
    await needs.click({ force: true });
    await reader.keyboard.type('should not appear');
    await expect(needs).not.toContainText('should not appear');
    await expect(reader.getByRole('toolbar')).toHaveCount(0);
    await expect(reader.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
    await expect(reader.getByRole('button', { name: 'Save version' })).toHaveCount(0);
    await reader.context().close();
  }
  // Lucía saw the partner's coordinator come by as a reader.
  await expect(section(lucia, 'Needs and problem analysis')).not.toContainText('should not appear');
  await lucia.context().close();
});

test('Jingyue’s coordinator is listed as viewing while reading Málaga’s plan', async ({
  browser,
}) => {
  const lucia = await openPlan(browser, LUCIA.email);
  const wang = await openPlan(browser, WANG.email);
  await expect(lucia.getByRole('list', { name: /people here/ })).toContainText(
    `${WANG.name} (viewing)`,
  );
  await expect(wang.getByRole('list', { name: /people here/ })).toContainText(
    `${WANG.name} (you) (viewing)`,
  );
  await wang.context().close();
  await lucia.context().close();
});

test('a link to a section (as people paste into a discussion) opens the plan at that section', async ({
  browser,
}) => {
  const page = await signedIn(browser, LUCIA.email);
  await page.goto(`${planUrl}#plan-section-monitoring`);
  const heading = page.getByRole('heading', {
    level: 2,
    name: /^8\. Monitoring and results framework/,
  });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await page.context().close();
});

test('from a section heading: copy its link, or start a message about it in the pairing’s channel', async ({
  browser,
}) => {
  const page = await openPlan(browser, LUCIA.email);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const share = page.getByRole('button', { name: 'Link to 3. Vision and objectives' });
  await share.click();
  await page.getByRole('menuitem', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`^https?://[^/]+${planUrl}#plan-section-vision$`),
  );

  // With the keyboard: the menu opens on Enter, its items take the arrows.
  await share.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Discuss in the pairing’s channel' }).focus();
  await page.keyboard.press('Enter');
  const composer = page.getByRole('combobox', { name: 'Message #General' });
  const subject = 'Local Action Plan — Málaga · 3. Vision and objectives';
  // The section shows as words above the composer (no Markdown to read), the text box stays empty.
  const about = page.getByText(`About: ${subject}`, { exact: true });
  await expect(about).toBeVisible();
  await expect(composer).toHaveValue('');
  await expect(composer).toBeFocused();
  await page.keyboard.type(`shall we align our objectives? ${run}`);
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(about).toBeHidden();
  const message = page
    .getByRole('log', { name: 'Messages in General' })
    .getByRole('article')
    .filter({ hasText: `shall we align our objectives? ${run}` });
  const sectionLink = message.getByRole('link', {
    name: 'Local Action Plan — Málaga · 3. Vision and objectives',
  });
  await expect(sectionLink).toHaveAttribute('href', `${planUrl}#plan-section-vision`);

  // The reference can be taken away before sending.
  await page.goBack();
  await page.getByRole('button', { name: 'Link to 3. Vision and objectives' }).click();
  await page.getByRole('menuitem', { name: 'Discuss in the pairing’s channel' }).click();
  await page.getByRole('button', { name: `Remove the link to ${subject}` }).click();
  await expect(about).toBeHidden();
  await expect(composer).toBeFocused();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();

  // It came once: a reload does not bring it back.
  await page.reload();
  await expect(composer).toHaveValue('');
  await expect(about).toBeHidden();
  await sectionLink.click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^3\. Vision and objectives/ }),
  ).toBeFocused();
  await page.context().close();
});

test('text typed offline stays in the browser and reaches the others when the connection is back', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const javier = await openPlan(browser, JAVIER.email);
  const offline = `Written on the train without network (${run}).`;

  await javier.context().setOffline(true);
  await expect(status(javier)).toHaveText('Offline');
  await expect(javier.getByRole('status').filter({ hasText: /^Offline\./ })).toBeAttached();
  await typeAtEnd(javier, section(javier, 'Learning from the partner'), ` ${offline}`);
  await expect(section(javier, 'Learning from the partner')).toContainText(offline);
  await lucia.waitForTimeout(1000);
  await expect(section(lucia, 'Learning from the partner')).not.toContainText(offline);

  await javier.context().setOffline(false);
  await expect(section(lucia, 'Learning from the partner')).toContainText(offline);
  await expect(status(javier)).toHaveText('All changes saved');
  await lucia.context().close();
  await javier.context().close();
});

test('the action table: two editors change different fields of one action and both changes stay', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const javier = await openPlan(browser, JAVIER.email);
  const title = `Pilot bike lanes on the Alameda (${run})`;

  await lucia.getByRole('button', { name: 'Add an action' }).click();
  // The new action's title takes focus.
  await expect(lucia.getByRole('textbox', { name: 'Title' }).last()).toBeFocused();
  await lucia.keyboard.type(title);
  const cardOf = (page: Page) =>
    page.getByRole('article').filter({
      has: page.getByRole('heading', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }),
    });
  await expect(cardOf(javier)).toBeVisible();

  await cardOf(lucia).getByLabel('Type').selectOption('pilot_project');
  await cardOf(lucia)
    .getByRole('textbox', { name: 'Objective' })
    .fill('Show that protected lanes raise cycling.');
  await cardOf(javier)
    .getByRole('textbox', { name: 'Lead organisation' })
    .fill('Área de Movilidad');
  await cardOf(javier).getByRole('textbox', { name: 'Cost' }).fill('250000');

  for (const page of [lucia, javier]) {
    const card = cardOf(page);
    await expect(card.getByRole('textbox', { name: 'Objective' })).toHaveValue(
      'Show that protected lanes raise cycling.',
    );
    await expect(card.getByRole('textbox', { name: 'Lead organisation' })).toHaveValue(
      'Área de Movilidad',
    );
    await expect(card.getByLabel('Type')).toHaveValue('pilot_project');
  }
  // Numbers are shown in the reader's format where they are not being typed.
  await expect(cardOf(lucia).getByRole('textbox', { name: 'Cost' })).toHaveValue('250,000');

  // Funding lines and indicators, opened on demand.
  await cardOf(javier)
    .getByRole('button', { name: /^Funding lines \(0\) and indicators \(0\)/ })
    .click();
  await cardOf(javier).getByRole('button', { name: 'Add an indicator' }).click();
  await cardOf(javier)
    .getByRole('group', { name: 'Indicator 1' })
    .getByRole('textbox', { name: 'Name' })
    .fill('Daily cyclists');
  await expect(
    cardOf(lucia).getByRole('button', { name: /^Funding lines \(0\) and indicators \(1\)/ }),
  ).toBeVisible();

  await lucia.reload();
  await expect(cardOf(lucia).getByRole('textbox', { name: 'Lead organisation' })).toHaveValue(
    'Área de Movilidad',
  );
  await lucia.context().close();
  await javier.context().close();
});

test('versions: save one, compare it with now, and restore one section live for everyone', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const javier = await openPlan(browser, JAVIER.email);
  const logic = section(lucia, 'Intervention logic');
  const before = `Activities lead to outputs (${run}).`;
  const later = `An afterthought to undo (${run}).`;
  await typeAtEnd(lucia, logic, ` ${before}`);
  await expect(status(lucia)).toHaveText('All changes saved');

  await lucia.getByRole('button', { name: 'Versions' }).click();
  await lucia.getByRole('textbox', { name: 'Version name' }).fill(`Baseline ${run}`);
  await lucia.getByRole('button', { name: 'Save version' }).click();
  await expect(lucia.getByText(`Version “Baseline ${run}” saved.`)).toBeVisible();
  const version = lucia
    .getByRole('list', { name: 'Saved versions' })
    .getByRole('listitem')
    .filter({ hasText: `Baseline ${run}` });
  await expect(version).toContainText(`by ${LUCIA.name}`);

  await typeAtEnd(lucia, logic, ` ${later}`);
  await expect(section(javier, 'Intervention logic')).toContainText(later);
  await expect(status(lucia)).toHaveText('All changes saved');

  await version.getByRole('button', { name: 'Compare with now' }).click();
  const dialog = lucia.getByRole('dialog', { name: `“Baseline ${run}” compared with now` });
  await expect(dialog.locator('ins', { hasText: later })).toBeVisible();
  await dialog
    .getByRole('button', { name: 'Restore 4. Intervention logic from this version…' })
    .click();
  await expect(
    dialog.getByText(`Restore 4. Intervention logic as it was in “Baseline ${run}”?`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The server wrote the old text back through the sync server: both editors change live.
  for (const page of [lucia, javier]) {
    await expect(section(page, 'Intervention logic')).toContainText(before);
    await expect(section(page, 'Intervention logic')).not.toContainText(later);
  }
  await expect(
    lucia.getByRole('status').filter({ hasText: 'Restored 4. Intervention logic' }),
  ).toBeVisible();
  await lucia.context().close();
  await javier.context().close();
});

test('review: the check links to what is missing; after submission the text is frozen until changes are requested', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const lucia = await openPlan(browser, LUCIA.email);
  const javier = await openPlan(browser, JAVIER.email);
  const review = lucia.getByRole('complementary', { name: 'Plan tools' });

  // Each missing section is a link that puts the cursor in it.
  const check = review.getByRole('list', { name: /missing before submission/ });
  await check.getByRole('link', { name: '6. Implementation plan is empty' }).click();
  await expect(section(lucia, 'Implementation plan')).toBeFocused();
  for (const title of [
    'Vision and objectives',
    'Implementation plan',
    'Resourcing and funding',
    'Monitoring and results framework',
  ]) {
    await typeAtEnd(lucia, section(lucia, title), ` ${title}: written for the review (${run}).`);
  }
  // Every action needs an objective and an indicator; one must be a pilot.
  for (const card of await lucia.locator('#plan-section-actions article').all()) {
    const objective = card.getByRole('textbox', { name: 'Objective' });
    if (!(await objective.inputValue()).trim())
      await objective.fill('An objective for the review.');
    const details = card.getByRole('button', { name: /^Funding lines/ });
    if (/indicators \(0\)/.test((await details.textContent()) ?? '')) {
      await details.click();
      await card.getByRole('button', { name: 'Add an indicator' }).click();
      await card
        .getByRole('group', { name: 'Indicator 1' })
        .getByRole('textbox', { name: 'Name' })
        .fill('An indicator');
    }
  }
  if ((await lucia.locator('#plan-section-actions article').count()) === 0) {
    await lucia.getByRole('button', { name: 'Add an action' }).click();
    await lucia.keyboard.type('A pilot for the review');
  }
  await lucia
    .locator('#plan-section-actions article')
    .first()
    .getByLabel('Type')
    .selectOption('pilot_project');
  await expect(review.getByText('Everything the template requires is there.')).toBeVisible({
    timeout: 15_000,
  });

  await review.getByRole('button', { name: 'Submit for review' }).click();
  await expect(review.getByText('Done: the plan is now Submitted.')).toBeVisible();
  await expect(lucia.getByRole('heading', { level: 1 }).locator('..')).toContainText('Submitted');
  // Frozen for both writers (the other one learns within the plan's refresh interval).
  await expect(section(lucia, 'Vision and objectives')).toHaveAttribute('contenteditable', 'false');
  await expect(section(javier, 'Vision and objectives')).toHaveAttribute(
    'contenteditable',
    'false',
    { timeout: 20_000 },
  );
  await expect(lucia.getByText(/The plan is Submitted: its text cannot be changed/)).toBeVisible();

  // The programme officer finds the plan on her home page, waiting for review; she asks for
  // changes, with a comment, and the plan opens again.
  const officer = await signedIn(browser, OFFICER.email);
  await officer.goto('/');
  const queue = officer.getByRole('region', { name: 'Plans waiting for review' });
  const queued = queue.getByRole('article', { name: 'Local Action Plan — Málaga' });
  await expect(queued).toContainText(`by ${LUCIA.name}`);
  await expect(queued).toContainText('Málaga – Jingyue');
  await queued.getByRole('link', { name: 'Local Action Plan — Málaga' }).click();
  await expect(status(officer)).toHaveText(/Connected|All changes saved/);
  await expect(
    officer.getByRole('alert').filter({ hasText: 'Waiting for your review' }),
  ).toContainText('approve it or request changes under Review');
  // The officer heard of the submission in the bell.
  await officer.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click();
  await expect(officer.getByRole('dialog', { name: 'Notifications' })).toContainText(
    `${LUCIA.name} submitted Local Action Plan — Málaga for review`,
  );
  await officer.keyboard.press('Escape');
  const officerTools = officer.getByRole('complementary', { name: 'Plan tools' });
  await officerTools.getByRole('button', { name: 'Request changes' }).click();
  await expect(officerTools.getByText('Say what needs to change.')).toBeVisible();
  await officerTools
    .getByRole('textbox', { name: 'Comment' })
    .fill(`Please add a budget table (${run}).`);
  await officerTools.getByRole('button', { name: 'Request changes' }).click();
  await expect(officerTools.getByText('Done: the plan is now Changes requested.')).toBeVisible();
  await officer.getByRole('link', { name: 'Home' }).click();
  // Málaga's plan has left the queue; the demo's plan from Austin still waits.
  await expect(queue.getByRole('article', { name: 'Local Action Plan — Austin' })).toBeVisible();
  await expect(queued).toHaveCount(0);

  await expect(section(javier, 'Vision and objectives')).toHaveAttribute(
    'contenteditable',
    'true',
    { timeout: 20_000 },
  );
  // The city's writers hear of the verdict, live, with the officer's comment.
  await javier.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click();
  await expect(
    javier
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: /asked for changes to Local Action Plan — Málaga/ }),
  ).toContainText(`Please add a budget table (${run}).`);
  await javier.keyboard.press('Escape');
  await lucia.reload();
  await expect(section(lucia, 'Vision and objectives')).toHaveAttribute('contenteditable', 'true');
  // Above the plan: who asked for what, and (for the coordinator, who submits) what to do next.
  const sentBack = lucia.getByRole('alert').filter({ hasText: /asked for changes/ });
  await expect(sentBack).toContainText(`Please add a budget table (${run}).`);
  await expect(sentBack).toContainText('submit the plan again under Review');
  await expectAccessible(lucia);
  const history = lucia.getByRole('region', { name: 'Review history' });
  await expect(history).toContainText(`Please add a budget table (${run}).`);
  await expect(history).toContainText(`${LUCIA.name}: Draft → Submitted`);
  await lucia.getByRole('button', { name: 'Versions' }).click();
  await expect(lucia.getByRole('list', { name: 'Saved versions' })).toContainText('At submission');
  for (const page of [lucia, javier, officer]) await page.context().close();
});

test('the plan page, its action table and the version comparison have no serious accessibility violations', async ({
  browser,
}) => {
  const lucia = await openPlan(browser, LUCIA.email);
  await section(lucia, 'Context and baseline').click();
  await expect(
    lucia.getByRole('toolbar', { name: 'Formatting: Context and baseline' }),
  ).toBeVisible();
  await lucia
    .getByRole('button', { name: /^Funding lines/ })
    .first()
    .click();
  await expect(lucia.getByRole('button', { name: 'Add a funding line' }).first()).toBeVisible();
  await expectAccessible(lucia);
  await lucia.getByRole('button', { name: 'Versions' }).click();
  await lucia.getByRole('textbox', { name: 'Version name' }).fill(`Accessibility ${run}`);
  await lucia.getByRole('button', { name: 'Save version' }).click();
  await lucia.getByRole('button', { name: 'Compare with now' }).first().click();
  await expect(lucia.getByRole('dialog')).toBeVisible();
  await expectAccessible(lucia);
  await lucia.context().close();
});

test('keyboard: the toolbar is one Tab stop; Tab leaves a section (to the next one’s link menu), Esc then Tab leaves a list', async ({
  browser,
}) => {
  const lucia = await openPlan(browser, LUCIA.email);
  const risks = section(lucia, 'Risk analysis');
  await typeAtEnd(lucia, risks, ' ');
  // Shift+Tab from the text (not in a list) reaches its toolbar; arrow keys move between the buttons.
  await lucia.keyboard.press('Control+Home');
  await lucia.keyboard.press('Shift+Tab');
  const toolbar = lucia.getByRole('toolbar', { name: 'Formatting: Risk analysis' });
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
  await lucia.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await lucia.keyboard.press('Tab');
  await expect(risks).toBeFocused();

  // Tab leaves the text: to the next section's link menu, then into its text.
  const nextLink = lucia.getByRole('button', { name: 'Link to 10. Participatory process' });
  await lucia.keyboard.press('Tab');
  await expect(risks).not.toBeFocused();
  await expect(nextLink).toBeFocused();
  await lucia.keyboard.press('Tab');
  await expect(section(lucia, 'Participatory process')).toBeFocused();

  await typeAtEnd(lucia, risks, '');
  await lucia.keyboard.press('Enter');
  await lucia.keyboard.type(`- a risk (${run})`);
  await lucia.keyboard.press('Enter');
  await lucia.keyboard.type('a second one');
  await lucia.keyboard.press('Tab'); // indents the item: still in the editor
  await expect(risks).toBeFocused();
  await expect(risks.locator('ul ul')).toHaveCount(1);
  await lucia.keyboard.press('Escape');
  await lucia.keyboard.press('Tab');
  await expect(nextLink).toBeFocused();
  await lucia.context().close();
});
