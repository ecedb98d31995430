import { expect, test } from '../support/fixtures';

test('searching "apology" from the header finds the call guide, with the passage', async ({
  page,
  problems,
}) => {
  await page.goto('/playbook/');
  const header = page.getByRole('search', { name: 'Site' });
  await header.getByRole('searchbox', { name: 'Search the site' }).fill('apology');
  await header.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=apology$/);
  await expect(page.getByRole('status')).toHaveText(/pages? match(es)? “apology”/);
  const results = page.getByRole('listitem').filter({ has: page.getByRole('heading') });
  const guide = results.filter({
    has: page.getByRole('link', { name: 'Call guide after a poor rating' }),
  });
  await expect(guide).toHaveCount(1);
  await expect(guide.locator('mark').first()).toHaveText(/^apolog/i);
  await guide.getByRole('link', { name: 'Call guide after a poor rating' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Call guide after a poor rating',
  );
  expect(problems).toEqual([]);
});

test('the search page says when nothing matches and searches again in place', async ({
  page,
  axe,
}) => {
  await page.goto('/search/?q=zzqxvw');
  await expect(page.getByRole('status')).toHaveText('No pages match “zzqxvw”.');
  const box = page.getByRole('search', { name: 'Search this site' }).getByRole('searchbox');
  await expect(box).toHaveValue('zzqxvw');
  await box.fill('loyalty index');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?q=loyalty\+index$/);
  await expect(page.getByRole('link', { name: 'Set goals' }).first()).toBeVisible();
  expect(await axe()).toEqual([]);
});

test('without JavaScript the header form still leads to the search page, which says why', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/glossary/');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('apology');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=apology$/);
  // Chromium's script switch does not change how <noscript> is parsed, so read the markup.
  const html = await page.content();
  expect(html).toMatch(/<noscript>[\s\S]*Search runs in your browser and needs JavaScript/);
  expect(html).toMatch(/<noscript>[\s\S]*href="\/templates\/"[\s\S]*<\/noscript>/);
  await context.close();
});

test('only the search page allows WebAssembly in its CSP, and it allows nothing else extra', async ({
  request,
}) => {
  const cspOf = async (path: string) =>
    /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(
      await (await request.get(path)).text(),
    )?.[1] ?? '';
  const search = await cspOf('/search/');
  expect(search).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
  expect(search).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  for (const path of ['/glossary/', '/templates/call-guide/', '/playbook/roadmap/']) {
    expect(await cspOf(path), path).not.toContain('wasm-unsafe-eval');
  }
});
