import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD } from '../../booking/businesses/seed';
import { type AppWithWorkers, startAppWithWorkers } from '../helpers/app-with-workers';
import { Phone } from '../helpers/app';
import { DESKTOP, launchChromium, newContext, PHONE, screenshot, type Viewport } from '../helpers/browser';
import { parseCsv } from '../helpers/csv';

/**
 * The front desk in real Chromium, at a phone's size and a desktop's: bookings made by customers
 * over the signed webhook appear in today's timeline; a card moves on the board (dragged on the
 * desktop, tapped on the phone) and is marked complete; a conversation gets a reply the fake
 * Twilio receives; a walk-in is booked and told; the CSV downloads with its rows.
 */
const NOW = '2026-11-23T09:00:00-08:00';
jest.setTimeout(240_000);
const EDGAR = '+15550100001';
let box: AppWithWorkers;
let browser: Browser;

beforeAll(async () => {
  [box, browser] = await Promise.all([startAppWithWorkers(NOW), launchChromium()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await box?.close();
});

/** A customer books by text, as Edgar's customers do; returns the reference the bot gave. */
async function bookByText(from: string, request: string): Promise<string> {
  const phone = new Phone(box.t, from, EDGAR);
  expect(await phone.say(request)).toMatch(/Reply YES to book\.$/);
  const booked = await phone.say('YES');
  const ref = /Ref ([A-Z0-9]{4,6})\./.exec(booked)?.[1];
  if (!ref) throw new Error(`no reference in "${booked}"`);
  return ref;
}

const statusOf = async (ref: string) =>
  (await box.t.runtime.db.query(`SELECT status FROM appointment WHERE reference = $1 AND kind = 'visit'`, [ref]))[0]
    .status;

async function signIn(page: Page, viewport: Viewport, email: string): Promise<void> {
  await page.goto(`${box.t.baseUrl}/admin`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', DEMO_ADMIN_PASSWORD);
  await screenshot(page, viewport, 'login');
  await page.click('button[type=submit]');
  await page.locator('header.top').waitFor();
}

const tab = (page: Page, name: string) => page.locator('nav.tabs button', { hasText: name }).click();

describe.each([
  {
    viewport: DESKTOP,
    phones: '+1555400100',
    visits: ['battery replacement today at 10am', 'oil change today at 2pm'],
  },
  { viewport: PHONE, phones: '+1555400200', visits: ['diagnostics today at 11:15am', 'tire rotation today at 3:30pm'] },
])('the front desk at $viewport.width×$viewport.height', ({ viewport, phones, visits }) => {
  let page: Page;
  let refs: string[];

  beforeAll(async () => {
    refs = [
      await bookByText(`${phones}1`, `${visits[0]} at 12 Oak St, 2015 Honda Civic`),
      await bookByText(`${phones}2`, `${visits[1]} at 5 Elm St, 2019 Ford F-150`),
    ];
    page = await (await newContext(browser, viewport)).newPage();
    // Generous for a busy machine, and well under jest's per-test time: a missing element fails its own step.
    page.setDefaultTimeout(30_000);
    await signIn(page, viewport, 'admin@edgar.example');
  }, 60_000);
  afterAll(() => page?.context().close());
  // A step that failed with a panel open does not leave it over the next step's tabs.
  afterEach(async () => {
    if (await page.locator('.sheet').count()) await page.click('.sheet .close');
  });

  it("shows today's bookings on the timeline", async () => {
    for (const ref of refs) await page.locator(`.lane .slot[data-ref="${ref}"]`).waitFor();
    const first = await page.locator(`.slot[data-ref="${refs[0]}"]`).textContent();
    expect(first).toContain(`${phones}1`);
    expect(await page.locator('.now-line').count()).toBe(1);
    await screenshot(page, viewport, 'day');
    await tab(page, 'Week');
    await page.locator('.chart .bar.today').waitFor();
    expect(await page.locator('.chart .bar.today .count').textContent()).toMatch(/^[2-9]$/);
    await screenshot(page, viewport, 'week');
  });

  it('moves a card on the board and marks it complete', async () => {
    await tab(page, 'Board');
    const card = (status: string) => page.locator(`.column[data-status="${status}"] .card[data-ref="${refs[0]}"]`);
    await card('booked').waitFor();
    if (viewport === DESKTOP) await card('booked').dragTo(page.locator('.column[data-status="confirmed"]'));
    else await card('booked').locator('button.next').click();
    await card('confirmed').waitFor();
    expect(await statusOf(refs[0])).toBe('confirmed');
    await card('confirmed').locator('button.next').click();
    await card('in_progress').locator('button.next').click();
    await card('completed').waitFor();
    expect(await statusOf(refs[0])).toBe('completed');
    await screenshot(page, viewport, 'board');
  });

  it('opens a visit, then its conversation, and replies; the fake Twilio receives the reply', async () => {
    await page.locator(`.card[data-ref="${refs[1]}"] .card-open`).click();
    await page.locator('.sheet h2', { hasText: refs[1] }).waitFor();
    await page.locator('.sheet .history li').first().waitFor();
    await screenshot(page, viewport, 'appointment', false);
    await page.locator('.sheet button', { hasText: 'Open conversation' }).click();
    await page.locator('.sheet .messages li.inbound', { hasText: visits[1] }).waitFor();
    const text = `See you at 5 Elm St, we are on time (${viewport.name}).`;
    await page.fill('.sheet .reply textarea', text);
    await page.click('.sheet .reply button[type=submit]');
    await page.locator('.sheet .banner.ok', { hasText: 'Sent.' }).waitFor();
    const [sent] = await box.twilio
      .waitFor((all) => all.some((r) => r.form.Body === text))
      .then((all) => all.filter((r) => r.form.Body === text));
    expect(sent.form).toMatchObject({ To: `${phones}2`, From: EDGAR });
    // Shown at once as queued, then as the workers recorded it, with Twilio's answer.
    await page.locator('.sheet .messages li.outbound', { hasText: text }).waitFor();
    await page
      .locator('.sheet .messages li.outbound:not(.pending)', { hasText: text })
      .filter({ hasText: 'sent' })
      // The page follows the reply until the workers record Twilio's answer: slow on a loaded machine.
      .waitFor({ timeout: 90_000 });
    await screenshot(page, viewport, 'conversation', false);
  });

  it('books a walk-in from the free-slot picker; the customer is told', async () => {
    await tab(page, 'New booking');
    const battery = box.t.runtime.db.query(
      `SELECT s.id FROM service s JOIN business b ON b.id = s.business_id WHERE b.slug = 'edgar' AND s.key = 'battery'`,
    );
    await page.selectOption('form[aria-label="New booking"] select', (await battery)[0].id);
    await page.locator('.slot-pick').first().click();
    const walkIn = `${phones}9`;
    await page.fill('input[type=tel]', walkIn);
    await page.getByLabel('Name').fill('Walk-in Wanda');
    await page.getByLabel('Address').fill('77 Main St');
    await page.getByLabel('Vehicle').fill('2020 Subaru Outback');
    await screenshot(page, viewport, 'new-booking');
    await page.click('form[aria-label="New booking"] button.primary');
    const notice = (await page.locator('.banner.ok', { hasText: 'Booked. Ref' }).textContent()) ?? '';
    const ref = /Ref ([A-Z0-9]{4,6})/.exec(notice)![1];
    const [told] = await box.twilio
      .waitFor((all) => all.some((r) => r.form.To === walkIn))
      .then(() => box.twilio.to(walkIn));
    expect(told.form.Body).toMatch(
      new RegExp(`^Edgar's Mobile Auto Shop booked your Battery replacement for Mon Nov 23 at .* Ref ${ref}\\.$`),
    );
    refs.push(ref);
  });

  it('shows time off, services and hours', async () => {
    await tab(page, 'Block time');
    await page.locator('section[aria-label="Block time"] form').waitFor();
    await screenshot(page, viewport, 'block');
    await tab(page, 'Services & hours');
    await page.locator('.service-row[data-service="oil-change"]').waitFor();
    await screenshot(page, viewport, 'catalog');
  });

  it('downloads the CSV of the week with every booking in it', async () => {
    await tab(page, 'Export');
    await page.locator('.feeds li').first().waitFor();
    await screenshot(page, viewport, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.button.primary')]);
    expect(download.suggestedFilename()).toBe('visits-2026-11-23-to-2026-11-29.csv');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0].slice(0, 5)).toEqual(['Reference', 'Date', 'Start', 'End', 'Status']);
    const byRef = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const ref of refs) expect(byRef.get(ref)?.[1]).toBe('2026-11-23');
    expect(byRef.get(refs[0])?.[4]).toBe('completed');
  });
});

describe('the clinic', () => {
  it('speaks Spanish after the business locale', async () => {
    const page = await (await newContext(browser, DESKTOP)).newPage();
    await signIn(page, DESKTOP, 'admin@clinica.example');
    await page.locator('nav.tabs button', { hasText: 'Semana' }).waitFor();
    expect(await page.locator('.date-label').textContent()).toBe('lunes, 23 de noviembre');
    expect(await page.locator('.lane-head').allInnerTexts()).toEqual(['', 'Dra. Soto', 'Dr. Pérez']);
    await screenshot(page, DESKTOP, 'day-clinica');
    await page.context().close();
  });
});
