import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const signedIn = async (email: string) => {
  const p = await h.newPage();
  await p.goto(h.base);
  await logInThroughForm(p, email, testPassword);
  return p;
};

describe('matching, from a team profile to an introduction', () => {
  it('a team describes itself → a published challenge ranks it → an official introduces it → the team sees the recommendation → a publisher invites a suggested team', async () => {
    const db = h.rt.database.db;
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
    const team = await makeOrganisation(db, { kind: 'team', name: '氢能电极材料团队' });
    const manager = await makeUser(db, { role: 'team_member', organisationId: team.id, canManage: true });
    const member = await makeUser(db, { role: 'team_member', organisationId: team.id, canManage: false });
    const official = await makeUser(db, { role: 'official' });

    // The team's manager fills in the profile; bad input is named by field and nothing typed is lost.
    const tp = await signedIn(manager.email);
    await tp.goto(`${h.base}/organisation`);
    await tp.getByTestId('org-team-profile-link').click();
    await tp.getByTestId('team-profile-form').waitFor();
    await tp.getByTestId('team-profile-description').fill('长期从事碱性电解槽电极涂层、镍基合金喷涂工艺研究。');
    await tp.getByTestId('team-profile-result-add').click();
    await tp.getByTestId('team-profile-result-year').fill('1800');
    await tp.getByTestId('team-profile-save').click();
    await tp.getByTestId('field-error-fields').waitFor();
    await tp.getByTestId('field-error-results.0.year').waitFor();
    expect(await tp.getByTestId('team-profile-description').inputValue()).toContain('镍基合金');
    await tp.locator('[data-testid="team-profile-field"][data-code="electrolysis"]').check();
    await tp.locator('#field-keywords').fill('电极涂层、析氢过电位、镍基合金、');
    await tp.getByTestId('team-profile-result-title').fill('一种镍基合金电极涂层的喷涂方法');
    await tp.getByTestId('team-profile-result-year').fill('2024');
    await tp.getByTestId('team-profile-save').click();
    await tp.getByTestId('team-profile-saved').waitFor();
    await tp.screenshot({ path: `${shots}/matching-profile.png`, fullPage: true });

    // Publishing ranks the challenge (the job's work, run here directly).
    const c = await makeChallenge(db, { publisherId: enterprise.id, createdBy: author.id, status: 'published' });
    expect(await h.rt.services.matching.rankChallenge({ challengeId: c.id, revision: c.revision })).toBe('ranked');

    // An official reads why the team is ranked and introduces it to the publisher (撮合).
    const off = await signedIn(official.email);
    await off.goto(`${h.base}/challenges/${c.id}`);
    await off.getByTestId('challenge-matches-link').click();
    const row = off.locator(`[data-testid="match-row"][data-team="${team.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('match-terms').textContent()).toContain('电极');
    await row.getByTestId('match-introduce').click();
    const form = off.getByTestId('match-introduce-form');
    await form.getByTestId('match-introduce-note').fill('已电话沟通，双方约定下周面谈。');
    await form.getByTestId('match-introduce-submit').click();
    await off.getByTestId('match-introduction').waitFor();
    await row.getByTestId('match-introduced').waitFor();
    await off.screenshot({ path: `${shots}/matching-matches.png`, fullPage: true });

    // Any member of the team sees the challenge recommended, with the reasons.
    const mp = await signedIn(member.email);
    await mp.goto(`${h.base}/recommendations`);
    const rec = mp.locator(`[data-testid="recommendation"][data-id="${c.id}"]`);
    await rec.waitFor();
    expect(await rec.getByTestId('recommendation-terms').textContent()).toContain('电极');

    // A publisher writing a directed challenge is shown the team and invites it.
    const draft = await makeChallenge(db, { publisherId: enterprise.id, createdBy: author.id, status: 'draft', draft: { directed: true } });
    const ap = await signedIn(author.email);
    await ap.goto(`${h.base}/my/challenges/${draft.id}/edit`);
    const suggested = ap.locator(`[data-testid="suggested-team"][data-team="${team.id}"]`);
    await suggested.waitFor();
    await suggested.getByTestId('suggested-team-invite').click();
    await expect.poll(() => suggested.getAttribute('data-invited')).toBe('true');

    for (const p of [tp, off, mp, ap]) expect(p.problems).toEqual([]);
  });
});
