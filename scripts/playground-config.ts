// The Microsoft 365 Agents Playground's config (its .m365agentsplayground.yml) made from a plan file:
// its tenant, team and users are the partnership and its people, each user with the Entra object id
// (`teamsId`, or one made up for someone the plan knows only by email) and email the plan gives them, so that the bot knows who is speaking as it would in Teams.
// The Playground takes a current user and exactly five others.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Person } from '../src/domain/plan-schema.js';
import { readPlanYaml } from '../src/plan/read-plan-yaml.js';

/** The Playground's users: whoever is "you", and the five others its schema asks for. */
const OTHERS = 5;
/** The tenant the Playground's activities come from when the plan binds the partnership to none. */
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-000000000001';

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

type Teams = Person & { email: string };

/**
 * A made-up Entra object id for someone the plan knows only by email (owners outside the council's
 * tenant): the bot does not know it, so it finds them by the email the roster gives, as Teams would
 * for a guest.
 */
function madeUpObjectId(key: string): string {
  const h = createHash('sha256').update(`playground:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function user(p: Teams): PlaygroundUser {
  const words = p.name.trim().split(/\s+/);
  return {
    // A Teams user id in the form Teams gives them; the plan key keeps it readable in the Playground's log.
    id: `29:${p.id}`,
    name: p.name,
    userPrincipleName: p.email,
    aadObjectId: p.teamsId ?? madeUpObjectId(p.id),
    givenName: words.slice(0, -1).join(' ') || p.name,
    surname: words.at(-1) ?? p.name,
    email: p.email,
  };
}

/**
 * The config for a plan's text: `me` (a plan key, default the first owner) is the current user, and the
 * next five people with a Teams id, coordinators first, are the others. Throws, saying what to add to
 * the plan, when it has fewer than six people with a Teams id and an email.
 */
export function playgroundConfig(file: string, text: string, me?: string): PlaygroundConfig {
  const read = readPlanYaml(file, text);
  if (!read.ok) throw new Error(`${file} could not be read:\n${read.errors.join('\n')}`);
  const { partnership, people } = read.plan;
  const inTeams = people.filter((p): p is Teams => Boolean(p.email));
  const current = inTeams.find((p) => (me ? p.id === me : p.role === 'owner'));
  if (!current)
    throw new Error(`${file}: no one ${me ? `with the key ${me}` : 'who owns measures'} has an email`);
  const rank = (p: Person) => (p.role === 'coordinator' ? 0 : p.role === 'chair' ? 1 : 2);
  const others = inTeams
    .filter((p) => p !== current)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, OTHERS);
  if (others.length < OTHERS)
    throw new Error(
      `${file}: the Agents Playground needs ${OTHERS + 1} people with an email; the plan has ${inTeams.length}. Add their email addresses.`,
    );
  return {
    version: '0.1.1',
    tenantId: partnership.teamsTenants?.[0] ?? PLAYGROUND_TENANT,
    bot: { id: '00000000-0000-0000-0000-000000000011', name: 'perfbot' },
    currentUser: user(current),
    users: others.map(user),
    personalChat: { id: randomUUID() },
    groupChat: { id: randomUUID(), name: `${partnership.name} group chat` },
    team: {
      id: `team-${partnership.id}`,
      name: partnership.name,
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      channels: [{ id: `channel-${partnership.id}-returns`, name: 'Performance returns' }],
    },
  };
}

/** The YAML the Playground reads, from a plan file. */
export function playgroundYaml(planFile: string, me?: string): string {
  const config = playgroundConfig(planFile, readFileSync(planFile, 'utf8'), me);
  return `# Made by npm run playground from ${planFile}: the plan's people as the Playground's users.\n${stringify(config)}`;
}
