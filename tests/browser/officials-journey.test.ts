import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('an official’s day', () => {
  it('opens the dashboard, follows a work-queue item to where it is handled, and downloads the quarterly report that opens with its four sheets', async () => {
    const db = h.rt.database.db;
    const official = await makeUser(db, { role: 'official' });
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    // A need awaiting vetting: the first work queue has an item.
    await makeChallenge(db, { publisherId: enterprise.id, createdBy: official.id, status: 'submitted' });

    const page = await h.newPage();
    await page.goto(h.base);
    await logInThroughForm(page, official.email, testPassword);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-deals-signed').waitFor();
    expect(['on_track', 'at_risk']).toContain(await page.getByTestId('dashboard-verdict').getAttribute('data-verdict'));
    await page.screenshot({ path: `${shots}/officials-dashboard.png`, fullPage: true });

    // Follow the oldest item awaiting vetting.
    const item = page.locator('[data-testid="work-item"][data-kind="vetting"]').first();
    const href = (await item.getAttribute('href'))!;
    expect(href).toMatch(/^\/challenges\/[0-9a-f-]{36}$/);
    await item.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(href);
    // The challenge page, where an official approves, sends back or rejects it.
    await page.getByTestId('challenge-title').waitFor();

    // The quarterly report: export to Excel, with progress, and open the file.
    await page.getByTestId('nav-quarterly-report').click();
    await page.getByTestId('quarterly-report').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/季度通报.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '合同', '在途', '逾期']);
    expect(page.problems).toEqual([]);
  });
});
