// Drives the chat sample's page in Debian's headless chromium (playwright-core, no browser download):
// two pages join one room through the gateway and each says something. Prints one JSON line: what
// each page's log shows, the screenshots taken and any page errors; exits 1 when a step did not happen.
//   node chat-browser.mjs <page URL with ?ws=> <room> <screenshot folder> [chromium path]
import { chromium } from 'playwright-core';
import path from 'node:path';

const [pageUrl, room, screenshots, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const timeout = 20_000;
const result = { pages: {}, screenshots: [], errors: [], failure: null };

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const pages = {};
try {
  // One context each: two separate visitors, as two browsers would be.
  for (const name of ['ann', 'bob']) {
    const page = await (await browser.newContext({ viewport: { width: 720, height: 560 } })).newPage();
    page.on('pageerror', (e) => result.errors.push(`${name}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && result.errors.push(`${name} console: ${m.text()}`));
    const url = new URL(pageUrl);
    url.searchParams.set('name', name);
    url.searchParams.set('room', room);
    await page.goto(url.href);
    pages[name] = page;
  }

  const joined = (page, who) => page.locator('#log li.joined', { hasText: `${who} joined #${room}` }).waitFor({ timeout });
  const said = (page, who, text) => page.locator('#log li.message', { hasText: text }).filter({ has: page.locator('.name', { hasText: who }) }).waitFor({ timeout });

  // Each joins, and waits until the room tells it so: only then is it a member that hears the other.
  for (const name of ['ann', 'bob']) {
    await pages[name].locator('#join-button:enabled').click({ timeout });
    await joined(pages[name], name);
  }
  await joined(pages.ann, 'bob');

  await pages.ann.locator('#text').fill('hello from ann');
  await pages.ann.locator('#send-button').click();
  await said(pages.bob, 'ann', 'hello from ann');

  await pages.bob.locator('#text').fill('hi ann, bob here');
  await pages.bob.locator('#send-button').click();
  await said(pages.ann, 'bob', 'hi ann, bob here');
  await said(pages.bob, 'bob', 'hi ann, bob here');
} catch (e) {
  result.failure = String(e.message ?? e).split('\n')[0];
} finally {
  for (const [name, page] of Object.entries(pages)) {
    result.pages[name] = {
      status: await page.locator('#status').textContent(),
      log: await page.locator('#log li').evaluateAll((items) => items.map((li) => ({
        kind: li.className,
        name: li.querySelector('.name')?.textContent ?? null,
        text: li.querySelector('.name') ? li.lastChild.textContent : li.textContent,
      }))),
    };
    const file = path.join(screenshots, `chat-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    result.screenshots.push(file);
  }
  await browser.close();
}

console.log(JSON.stringify(result));
process.exit(result.failure ? 1 : 0);
