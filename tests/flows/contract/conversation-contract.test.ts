// One script for the conversation, run against both channels through their real protocols: what a
// Teams user can do, a Slack user can do, with the same answers.
import { describe, expect, it } from 'vitest';
import { useSlackHarness } from '../../channels/slack/slack-client.js';
import { useTeamsHarness } from '../../channels/teams/teams-client.js';
import { revisionCount, slackDriver, teamsDriver, type ChannelDriver } from './channel-drivers.js';

const drivers: ChannelDriver[] = [teamsDriver(useTeamsHarness()), slackDriver(useSlackHarness())];

describe.each(drivers)('the conversation on $name', (d) => {
  it('answers "status of 2.2" with its figures', async () => {
    const answer = await d.ask('status of 2.2', 'owner');
    expect(answer).toContain('2.2 Reduce violence without injury');
    expect(answer).toContain('1,628');
  });

  it('refuses a stranger politely, with no figures', async () => {
    const answer = await d.ask('status of 2.2', 'stranger');
    expect(answer).toMatch(/don't recognise your/);
    expect(answer).not.toMatch(/1,628|Stockton|Mercer/);
  });

  it('sends a bad figure back with its error, storing nothing, then stores a good one', async () => {
    const before = await revisionCount(d.server(), '2.2', '2015/16 Q4');
    const submit = await d.openReturn();
    const bad = await submit('abc', 'Typed in a hurry', '');
    expect(bad.refused).toBe(true);
    expect(bad.text).toMatch(/number/i);
    expect(await revisionCount(d.server(), '2.2', '2015/16 Q4')).toBe(before);
    const good = await submit('489', 'Q4 rise driven by the night-time economy.', 'Extra patrols.');
    expect(good.refused).toBe(false);
    expect(good.text).toMatch(/Stored as revision \d/);
    expect(await revisionCount(d.server(), '2.2', '2015/16 Q4')).toBe(before + 1);
  });
});
