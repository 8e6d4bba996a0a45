// The channels the configuration can turn on, one line each, in the default order a person is reached
// in (a person's `prefer` in the plan comes first). Teams is always there (it is also the local chat
// page); Slack's and email's libraries are loaded only when they are configured, as they cost memory.
import type { Sender } from '../jobs/senders/sender.js';
import type { Routes } from '../http/route.js';
import type { Channel, ChannelDeps, OpenChannel } from './channel.js';
import { createTeamsChannel, type TeamsChannel } from './teams/index.js';

const REGISTRY: OpenChannel[] = [
  async (d) => (d.config.SLACK_BOT_TOKEN ? (await import('./slack/index.js')).openSlackChannel(d) : null),
  async (d) => (d.config.SMTP_URL ? (await import('./email/index.js')).openEmailChannel(d) : null),
];

export interface OpenChannels {
  /** Teams and the local chat page: the server asks it whether it is in local mode. */
  teams: TeamsChannel;
  all: Channel[];
  routes: Routes;
  /** The outbox senders, by channel name, in the registry's order. */
  senders: Record<string, Sender | null>;
}

export async function openChannels(d: ChannelDeps): Promise<OpenChannels> {
  const teams = createTeamsChannel({ ...d, charts: d.chartImages('teams') });
  const all: Channel[] = [teams];
  for (const open of REGISTRY) {
    const channel = await open(d);
    if (channel) all.push(channel);
  }
  return {
    teams,
    all,
    routes: Object.assign({}, ...all.map((c) => c.routes)) as Routes,
    senders: Object.fromEntries(all.map((c) => [c.name, c.sender])),
  };
}
