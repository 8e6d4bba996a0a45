import { importPlanFile } from '../../src/app/import-plan-file.js';
import { tempDb } from './temp-db.js';
import { edit, minimalPlanYaml, writePlan } from './plan-text.js';
const db = await tempDb();
const good = minimalPlanYaml();
const now = new Date('2016-05-01T00:00:00Z');
const cases: [string, string][] = [
  ['good', good],
  ['yaml', edit(good, "  - id: asb\n", "  - id: asb\n   bad: [\n")],
  ['unit', edit(good, 'unit: count', 'unit: cnt')],
  ['title', edit(good, '    title: Keep client satisfaction at 90%\n', '')],
  ['theme', edit(good, 'theme: violence\n    owner: ana-owner\n    unit: count', 'theme: burglary\n    owner: ana-owner\n    unit: count')],
  ['owner', edit(good, "title: Monitor repeat callers\n    theme: asb\n    owner: ana-owner", "title: Monitor repeat callers\n    theme: asb\n    owner: nobody")],
  ['ref', edit(good, "- ref: '1.2'\n    period", "- ref: '7.7'\n    period")],
  ['q5', edit(good, "value: 92", "value: 92").replace("'1.2'\n    period: 2015/16 Q1", "'1.2'\n    period: 2015/16 Q5")],
  ['month', good.replace("'1.2'\n    period: 2015/16 Q1", "'1.2'\n    period: 2015-07")],
  ['pct', edit(good, 'value: 92', 'value: 140')],
  ['neg', edit(good, 'value: 98', 'value: -3')],
  ['frac', edit(good, 'value: 98', 'value: 2.5')],
  ['multi', edit(good, 'values: { hotline: 12, police: 7 }', 'value: 19')],
  ['comp', edit(good, 'values: { hotline: 12, police: 7 }', 'values: { hotline: 12, fire: 7 }')],
  ['dup', edit(good, "\noverrides:", "  - ref: '1.2'\n    period: 2015/16 Q1\n    value: 91\n\noverrides:")],
  ['reason', edit(good, '    reason: A seasonal peak the police expected\n', '')],
  ['reason-empty', edit(good, 'reason: A seasonal peak the police expected', "reason: ''")],
];
for (const [name, text] of cases) {
  const f = await writePlan(db.dir, `${name}.yaml`, text);
  const out = await importPlanFile(db.prisma, f, { dryRun: true, now });
  console.log(name, JSON.stringify(out.ok ? 'ok' : out.errors));
}
console.log(await importPlanFile(db.prisma, db.dir + '/none.yaml', { dryRun: true, now }));
await db.close();
