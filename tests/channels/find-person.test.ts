// Who speaks, found from the people's identifiers the server keeps until a plan changes: a plan
// imported by another process (the command line, another instance) is seen on the next turn, for people
// added and people removed, and identifiers match whatever their case and spacing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../../src/channels/find-person.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/open-database.js';
import { botSession, stocktonPlanText, type BotSession } from '../helpers/bot-session.js';
import { edit } from '../helpers/plan-text.js';
import { importText } from '../flows/access/tenancy-plans.js';

const SAM = '  - id: sam-lee\n    name: Sam Lee\n    email: sam.lee@example.org\n    role: member\n\n';
const withSam = async () =>
  edit(await stocktonPlanText(), '  - id: martin-kell\n', `${SAM}  - id: martin-kell\n`);

let s: BotSession;
let other: OpenedDatabase;
beforeEach(async () => {
  s = await botSession();
  other = await openDatabase(s.db.url);
});
afterEach(async () => {
  await other.close();
  await s.close();
});

describe('finding who speaks', () => {
  it('matches an email or a key whatever its case and spacing, and nobody for a stranger', async () => {
    const dan = s.partnership.people.find((p) => p.id === 'dan-mercer');
    expect(dan?.email).toBeTruthy();
    const byEmail = await findPerson(s.db.prisma, { email: `  ${dan?.email?.toUpperCase()} ` });
    expect(byEmail?.person.id).toBe('dan-mercer');
    expect((await findPerson(s.db.prisma, { key: 'DAN-MERCER' }))?.person.name).toBe(dan?.name);
    expect(await findPerson(s.db.prisma, { email: 'nobody@example.org' })).toBeNull();
    expect(await findPerson(s.db.prisma, { email: '   ' })).toBeNull();
  });

  it("sees people another process's import added, then removed, on the next lookup", async () => {
    const sam = () => findPerson(s.db.prisma, { email: 'sam.lee@example.org' });
    expect(await sam()).toBeNull();

    await importText(other.prisma, s.db.dir, 'with-sam', await withSam());
    const found = await sam();
    expect(found?.person).toMatchObject({ id: 'sam-lee', name: 'Sam Lee', role: 'member' });
    expect(found?.partnership.people.map((p) => p.id)).toContain('sam-lee');

    await importText(other.prisma, s.db.dir, 'without-sam', await stocktonPlanText());
    expect(await sam()).toBeNull();
    expect((await findPerson(s.db.prisma, { key: 'dan-mercer' }))?.partnership.people).toHaveLength(
      s.partnership.people.length,
    );
  });
});
