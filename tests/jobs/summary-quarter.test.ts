// The quarter's close: once every 2015/16 Q4 return is in, the quarter's summary is posted to the
// partnership channel once, in working hours; with a board date in the plan, it is posted that morning
// whatever is still missing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/domain/summary-payload.js';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { stocktonPlanText } from '../helpers/bot-session.js';
import { CHANNEL, planWithSummary, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

const KEY = 'quarter:stockton:2015/16 Q4';

let connector: FakeConnector;
let h: SummaryHarness;

async function setUp(summary: Record<string, unknown> = {}): Promise<void> {
  connector = await startFakeConnector();
  // The whole example: every Q4 return is in but 5.2's (Martin Kell) and 6.3's (Joanne Lister).
  h = await summaryHarness({
    serviceUrl: `${connector.url}/`,
    planText: await planWithSummary(summary, await stocktonPlanText()),
  });
  await h.addToChannel(`${connector.url}/`);
}

afterEach(async () => {
  await h?.close();
  await connector?.close();
});

const quarterly = async () => (await h.outbox()).filter((r) => r.key.startsWith('quarter:'));
const summaryOf = async (): Promise<Summary> => {
  const payload = (await quarterly())[0]?.payload;
  if (payload?.kind !== 'summary') throw new Error('no quarter summary');
  return payload.summary;
};

describe("the quarter's close", () => {
  it('is posted once, as soon as the last return of the quarter is in', async () => {
    await setUp();
    h.at('2016-04-21T10:00');
    expect(await h.summaries()).not.toContain(KEY);
    await h.submit('martin-kell', '5.2');
    expect(await h.summaries()).not.toContain(KEY);
    await h.submit('joanne-lister', '6.3');
    expect(await h.summaries()).toEqual([KEY]);
    await h.deliver();
    h.at('2016-04-22T10:00');
    await h.summaries();
    await h.deliver();

    expect((await summaryOf()).returnsIn).toEqual({ received: 18, expected: 18 });
    const posted = connector.received.filter(
      (r) => r.conversationId === CHANNEL && JSON.stringify(r.activity).includes('Quarter summary'),
    );
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]?.activity)).toContain('All 18 returns for 2015/16 Q4 are in.');
  });

  it('waits for working hours', async () => {
    await setUp();
    h.at('2016-04-21T10:00');
    await h.submit('martin-kell', '5.2');
    await h.submit('joanne-lister', '6.3');
    h.at('2016-04-22T18:30');
    expect(await h.summaries()).not.toContain(KEY);
    h.at('2016-04-23T10:00');
    expect(await h.summaries()).not.toContain(KEY);
    h.at('2016-04-25T09:00');
    expect(await h.summaries()).toContain(KEY);
  });

  it("is posted on the board's date with whatever is still missing", async () => {
    await setUp({ boardDates: { '2015/16 Q4': '2016-04-26' } });
    h.at('2016-04-25T12:00');
    expect(await h.summaries()).not.toContain(KEY);
    h.at('2016-04-26T08:30');
    expect(await h.summaries()).not.toContain(KEY);
    h.at('2016-04-26T09:00');
    expect(await h.summaries()).toEqual([KEY]);

    const summary = await summaryOf();
    expect(summary.returnsIn).toEqual({ received: 16, expected: 18 });
    expect(summary.outstanding.map((o) => o.owner)).toEqual(['Joanne Lister', 'Martin Kell']);
  });

  it('is not posted when the plan says quarterClose: false', async () => {
    await setUp({ quarterClose: false, boardDates: { '2015/16 Q4': '2016-04-26' } });
    h.at('2016-04-26T10:00');
    await h.submit('martin-kell', '5.2');
    await h.submit('joanne-lister', '6.3');
    expect(await h.summaries()).not.toContain(KEY);
    expect(await quarterly()).toEqual([]);
  });
});
