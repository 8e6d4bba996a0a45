// The Slack app manifest asks for the least scopes the bot's features need (CI checks them against this
// allow-list), and subscribes to what the bot listens to, at the one request URL it serves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ALLOWED_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'files:write',
  'im:history',
  'im:read',
  'im:write',
  'users:read',
  'users:read.email',
];

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string }[];
  };
  oauth_config: { scopes: { bot?: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync('manifests/slack/manifest.yaml', 'utf8')) as Manifest;
const URL = 'https://perfbot.example.org/slack/events';

describe('the Slack app manifest', () => {
  it('asks only for the allowed bot scopes, and no user scopes', () => {
    const scopes = manifest.oauth_config.scopes.bot ?? [];
    expect(scopes.filter((s) => !ALLOWED_BOT_SCOPES.includes(s))).toEqual([]);
    expect([...scopes].sort()).toEqual(ALLOWED_BOT_SCOPES);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('subscribes to the events the bot listens to, with /perf and interactivity at /slack/events', () => {
    const { event_subscriptions: events, interactivity } = manifest.settings;
    expect([...events.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(events.request_url).toBe(URL);
    expect(interactivity).toEqual({ is_enabled: true, request_url: URL });
    expect(manifest.features.slash_commands).toMatchObject([{ command: '/perf', url: URL }]);
  });

  it('has a bot user, App Home with its Home and Messages tabs, and display information', () => {
    expect(manifest.features.bot_user.display_name).toBe('perfbot');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    const long = manifest.display_information.long_description ?? '';
    // Slack refuses a long description outside 175 to 4,000 characters.
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
