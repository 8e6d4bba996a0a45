// Start-up configuration for Teams: local mode only on a loopback address, complete credentials otherwise.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { isLocalMode, teamsEnabled } from '../../../src/channels/teams/create-adapter.js';

const APP = { MicrosoftAppId: '5f2c1a9e-0b3d-4e7f-9a8b-1c2d3e4f5a6b', MicrosoftAppPassword: 'secret' };

describe('Teams configuration', () => {
  it('runs in local mode (no credentials) on a loopback address', () => {
    for (const HOST of ['127.0.0.1', '::1', 'localhost']) {
      expect(loadConfig({ HOST }).MicrosoftAppId).toBeUndefined();
    }
  });

  it('refuses to start on a network address without credentials, saying what to set', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/set MicrosoftAppId\/MicrosoftAppPassword/);
  });

  it('starts a Slack-only server on a network address, with Teams switched off', () => {
    const config = loadConfig({ HOST: '0.0.0.0', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh' });
    expect(isLocalMode(config)).toBe(false);
    expect(teamsEnabled(config)).toBe(false);
    expect(teamsEnabled(loadConfig({ HOST: '127.0.0.1' }))).toBe(true);
  });

  it('starts on a network address with credentials', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ...APP }).MicrosoftAppType).toBe('MultiTenant');
  });

  it('asks for the password with an app id, and the tenant for a single-tenant bot', () => {
    expect(() => loadConfig({ MicrosoftAppId: APP.MicrosoftAppId })).toThrow(
      /MicrosoftAppPassword is missing/,
    );
    expect(() => loadConfig({ ...APP, MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId/);
  });

  it('reads ALLOWED_TENANTS as a list, ignoring spaces, case and empty items', () => {
    expect(loadConfig({ ALLOWED_TENANTS: ' AAA-1 , bbb-2,, ' }).ALLOWED_TENANTS).toEqual(['aaa-1', 'bbb-2']);
    expect(loadConfig({}).ALLOWED_TENANTS).toEqual([]);
  });
});
