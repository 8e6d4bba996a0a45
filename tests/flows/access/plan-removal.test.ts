// People a re-imported plan no longer lists lose their access: they are removed, with a person.remove
// audit event, and the delegations to them cleared, in the import's transaction. A merge (a CSV of
// returns) removes nobody. Imports from the command line are audited as "cli".
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../../../src/channels/find-person.js';
import { runCommand } from '../../../src/cli/run-command.js';
import { readPlanYaml } from '../../../src/plan/read-plan-yaml.js';
import { readAudit } from '../../../src/store/audit-store.js';
import { loadPartnership } from '../../../src/store/partnership-store.js';
import { savePlan } from '../../../src/store/plan-store.js';
import { readDelegations } from '../../../src/store/reminder-store.js';
import { botSession, stocktonPlanText, type BotSession } from '../../helpers/bot-session.js';
import { edit } from '../../helpers/plan-text.js';
import { importText } from './tenancy-plans.js';

const SAM = [
  '  - id: sam-lee',
  '    name: Sam Lee',
  '    email: sam.lee@example.org',
  '    role: member',
  '    slackId: U0SAMLEE01',
  '',
].join('\n');

/** The Stockton plan with Sam Lee, who owns nothing, among its people. */
const withSam = async () =>
  edit(await stocktonPlanText(), '  - id: martin-kell\n', `${SAM}  - id: martin-kell\n`);

let s: BotSession;
beforeEach(async () => {
  s = await botSession({ planText: await withSam() });
});
afterEach(() => s.close());

const audit = () => readAudit(s.db.prisma, { partnershipId: s.partnership.id, limit: 1000 });
const sam = () => findPerson(s.db.prisma, { key: 'sam-lee' });

describe('people removed from the plan', () => {
  it('become strangers when the plan is imported without them, and their delegations end', async () => {
    expect((await sam())?.person.name).toBe('Sam Lee');
    await s.say('dan-mercer', 'delegate 2.2 to Sam Lee');
    expect(await readDelegations(s.db.prisma, s.partnership.id)).toEqual(new Map([['2.2', 'sam-lee']]));

    await importText(s.db.prisma, s.db.dir, 'without-sam', await stocktonPlanText());

    expect(await sam()).toBeNull();
    expect(await findPerson(s.db.prisma, { email: 'sam.lee@example.org' })).toBeNull();
    expect(await findPerson(s.db.prisma, { slackId: 'U0SAMLEE01' })).toBeNull();
    expect(await findPerson(s.db.prisma, { key: 'dan-mercer' })).not.toBeNull();
    const stored = await loadPartnership(s.db.prisma, s.partnership.settings.id);
    expect(stored?.people.map((p) => p.id)).not.toContain('sam-lee');
    expect(stored?.people).toHaveLength(s.partnership.people.length - 1);
    expect(await readDelegations(s.db.prisma, s.partnership.id)).toEqual(new Map());

    const events = await audit();
    expect(events.find((e) => e.action === 'person.remove')).toMatchObject({
      actor: 'import',
      before: { key: 'sam-lee', name: 'Sam Lee', email: 'sam.lee@example.org', role: 'member' },
      after: null,
    });
    expect(events.find((e) => e.action === 'delegation.clear')).toMatchObject({
      actor: 'import',
      ref: '2.2',
      before: { delegate: 'sam-lee' },
    });
    expect(events.map((e) => e.action)).toContain('plan.import');
    // Imported again, the plan removes nobody more and records nothing.
    const count = events.length;
    await importText(s.db.prisma, s.db.dir, 'again', await stocktonPlanText());
    expect(await audit()).toHaveLength(count);
  });

  it('stay when a plan is only merged in (as a CSV of returns is)', async () => {
    const read = readPlanYaml('plan.yaml', await stocktonPlanText());
    if (!read.ok) throw new Error(read.errors.join('\n'));

    await savePlan(s.db.prisma, read.cal, read.plan, { returns: [], overrides: [] }, new Date());

    expect((await sam())?.person.name).toBe('Sam Lee');
    expect((await audit()).map((e) => e.action)).not.toContain('person.remove');
  });
});

describe('imports from the command line', () => {
  it('are audited as "cli", where the first import was "import"', async () => {
    const file = join(s.db.dir, 'cli-plan.yaml');
    await writeFile(file, await stocktonPlanText());
    const out = await runCommand(
      s.db.prisma,
      ['import', file],
      {},
      {
        now: new Date('2016-05-03T09:00:00Z'),
        today: '2016-05-03',
      },
    );
    expect(out.code).toBe(0);

    const events = await audit();
    const removed = events.find((e) => e.action === 'person.remove');
    expect(removed).toMatchObject({ actor: 'cli', channel: 'cli', before: { key: 'sam-lee' } });
    const imports = events.filter((e) => e.action === 'plan.import');
    expect(imports.map((e) => [e.actor, e.channel])).toEqual([
      ['cli', 'cli'],
      ['import', 'import'],
    ]);
  });
});
