// Start-up configuration for Slack: off without a bot token, complete credentials otherwise, Socket
// Mode with an app-level token.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { startServer } from '../../../src/server/start-server.js';
import { pino } from 'pino';
import { startFakeSlackApi } from '../../fakes/slack-api.js';
import { tempDb } from '../../helpers/temp-db.js';
import { FIXED_NOW, startTestServer } from '../test-server.js';

const BOT = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

describe('Slack configuration', () => {
  it('runs without Slack when no bot token is set', async () => {
    const t = await startTestServer();
    try {
      const res = await fetch(`${t.server.url}/slack/events`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('stops start-up when the bot token comes without the signing secret, saying how to fix it', () => {
    expect(() => loadConfig(BOT)).toThrow(ConfigError);
    expect(() => loadConfig(BOT)).toThrow(
      'SLACK_SIGNING_SECRET is missing: set it, or unset SLACK_BOT_TOKEN to run without Slack',
    );
  });

  it('needs no signing secret in Socket Mode, but needs the bot token', () => {
    expect(loadConfig({ ...BOT, SLACK_APP_TOKEN: 'xapp-1-A-abc' }).SLACK_APP_TOKEN).toBe('xapp-1-A-abc');
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A-abc' })).toThrow(/SLACK_BOT_TOKEN is missing/);
  });

  it('names the variable when a token or URL has the wrong form', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_BOT_TOKEN is not valid: use the Bot User OAuth Token/,
    );
    const api = { ...BOT, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'https://slack.example/api' };
    expect(() => loadConfig(api)).toThrow(/SLACK_API_URL is not valid: end it with "\/"/);
    expect(loadConfig({ ...api, SLACK_API_URL: 'https://slack.example/api/' }).SLACK_API_URL).toBe(
      'https://slack.example/api/',
    );
  });

  it('connects by Socket Mode with SLACK_APP_TOKEN, and says what to check when Slack refuses it', async () => {
    const api = await startFakeSlackApi();
    const db = await tempDb();
    try {
      const env = {
        SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
        SLACK_APP_TOKEN: 'xapp-test-app-token',
        SLACK_API_URL: api.apiUrl,
      };
      const starting = startServer({
        config: { ...loadConfig(env), PORT: 0 },
        db: db.prisma,
        clock: () => FIXED_NOW,
        log: pino({ level: 'silent' }),
      });
      await expect(starting).rejects.toThrow(/Slack Socket Mode could not connect .*check SLACK_APP_TOKEN/);
      const open = api.calls.find((c) => c.method === 'apps.connections.open');
      expect(open?.token).toBe('xapp-test-app-token');
    } finally {
      await db.close();
      await api.close();
    }
  });
});
