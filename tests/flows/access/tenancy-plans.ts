// Two partnerships in one deployment for the tenancy tests: Stockton (the example) and Testshire, each
// bound, or not, to its own Slack workspace and Teams tenant.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import type { Db } from '../../../src/store/open-database.js';
import { stocktonPlanText } from '../../helpers/bot-session.js';
import { minimalPlanYaml } from '../../helpers/plan-text.js';

/** The tenant of the Teams fixtures (tests/fixtures/teams/*.json). */
export const STOCKTON_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TESTSHIRE_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';
export const STOCKTON_TEAM = 'T0STOCKTON';
export const TESTSHIRE_TEAM = 'T0TESTSHIRE';
/** Ana Owner of Testshire: her Entra object id and Slack member id. */
export const ANA_AAD = 'aaaaaaaa-0000-4000-8000-00000000a0a0';
export const ANA_SLACK = 'U0ANAOWNER1';

const bind = (yaml: string, tenant: string, team: string) =>
  yaml.replace(
    /^(partnership:\n(?: {2}.*\n)*?)( {2}name: .*\n)/m,
    `$1$2  teamsTenants: ['${tenant}']\n  slackTeams: [${team}]\n`,
  );

/** Testshire (measure 9.1), bound to its own tenant and workspace. */
export function testshirePlan(): string {
  const text = bind(minimalPlanYaml().replaceAll("'1.1'", "'9.1'"), TESTSHIRE_TENANT, TESTSHIRE_TEAM).replace(
    '  - id: ana-owner\n    name: Ana Owner\n',
    `  - id: ana-owner\n    name: Ana Owner\n    email: ana.owner@testshire.example\n    teamsId: ${ANA_AAD}\n    slackId: ${ANA_SLACK}\n`,
  );
  if (!text.includes(TESTSHIRE_TENANT) || !text.includes(ANA_AAD)) throw new Error('minimalPlanYaml changed');
  return text;
}

/** The Stockton example bound to its tenant and workspace. */
export async function boundStocktonPlan(): Promise<string> {
  const text = bind(await stocktonPlanText(), STOCKTON_TENANT, STOCKTON_TEAM);
  if (!text.includes(STOCKTON_TENANT)) throw new Error('the Stockton plan changed');
  return text;
}

export async function importText(db: Db, dir: string, name: string, text: string): Promise<void> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, text);
  const done = await importPlanFile(db, file, { dryRun: false, now: new Date('2016-05-02T09:30:00Z') });
  if (!done.ok) throw new Error(done.errors.join('\n'));
}
