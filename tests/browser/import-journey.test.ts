import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imports, organisations } from '../../db/schema';
import { importColumns } from '../../shared/contracts/imports';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeUser, testPassword, unique } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const csv = (rows: string[][]) => '\ufeff' + [importColumns.teams.map((c) => c.header), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';

describe('importing teams', () => {
  it('an official downloads the template, sees every bad row with its line, fixes the file and imports it', async () => {
    const official = await makeUser(h.rt.database.db, { role: 'official' });
    const page = await h.newPage();
    await page.goto(h.base);
    await logInThroughForm(page, official.email, testPassword);
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-form').waitFor();

    // The template is a real spreadsheet.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    const name = unique('导入团队');
    const good = [name, '扬州大学', '高校', '扬州市', '电解水制氢', '碱性电解、镍基电极', '', '3', '', ''];
    const bad = [unique('导入团队'), '扬州大学', '外星机构', '扬州市', '不存在的领域', '碱性电解', '', '3', '', ''];
    const run = async (content: string) => {
      await page.getByTestId('import-file').setInputFiles({ name: 'teams.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-progress').waitFor();
      // No worker runs in this harness: do the job's work for the import just created.
      await expect.poll(async () => (await h.rt.database.db.select().from(imports).where(eq(imports.createdBy, official.id))).length).toBeGreaterThan(0);
      const [latest] = (await h.rt.database.db.select().from(imports).where(eq(imports.createdBy, official.id))).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      await h.rt.services.imports.run(latest!.id);
    };

    await run(csv([good, bad]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 10_000 });
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('3'); // the bad row's line
    expect(text).toContain('单位类型');
    expect(text).toContain('研究领域');
    expect(await h.rt.database.db.select().from(organisations).where(eq(organisations.name, name))).toEqual([]);
    await page.screenshot({ path: `${shots}/import-errors.png`, fullPage: true });

    await page.reload();
    await page.getByTestId('import-form').waitFor();
    await run(csv([good]));
    await page.getByTestId('import-done').waitFor({ timeout: 10_000 });
    const [created] = await h.rt.database.db.select().from(organisations).where(eq(organisations.name, name));
    expect(created).toMatchObject({ kind: 'team', verification: 'verified' });
    expect(page.problems).toEqual([]);
  });
});
