// npm run teams:package: fills manifests/teams/manifest.json's placeholders from the environment (or
// .env) and zips it with the two icons into manifests/teams/perfbot.zip, ready to upload to Teams.
import 'dotenv/config';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipBytes } from './zip-writer.js';

export const TEAMS_DIR = fileURLToPath(new URL('../manifests/teams/', import.meta.url));

export interface PackageSettings {
  MicrosoftAppId: string;
  PUBLIC_BASE_URL: string;
  TEAMS_DEVELOPER_NAME: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings from the environment, or the first thing to fix. */
export function packageSettings(
  env: NodeJS.ProcessEnv,
): { ok: true; value: PackageSettings } | { ok: false; error: string } {
  const appId = env.MicrosoftAppId ?? '';
  if (!GUID.test(appId)) {
    return {
      ok: false,
      error: "MicrosoftAppId is missing or not a GUID: set it to the Azure Bot's Microsoft App ID",
    };
  }
  const base = (env.PUBLIC_BASE_URL ?? '').replace(/\/$/, '');
  if (!/^https:\/\/[^/]+/.test(base)) {
    return {
      ok: false,
      error:
        'PUBLIC_BASE_URL must be the https address Teams reaches the bot at, e.g. https://perfbot.example.org',
    };
  }
  return {
    ok: true,
    value: {
      MicrosoftAppId: appId,
      PUBLIC_BASE_URL: base,
      TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME ?? 'perfbot',
    },
  };
}

export function filledManifest(template: string, s: PackageSettings): string {
  const values: Record<string, string> = { ...s, PUBLIC_HOSTNAME: new URL(s.PUBLIC_BASE_URL).host };
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : JSON.stringify(values[name]).slice(1, -1),
  );
  const left = /\$\{\{(\w+)\}\}/.exec(filled);
  if (left) throw new Error(`manifest.json has a placeholder with no value: ${left[0]}`);
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

export function teamsPackage(s: PackageSettings, dir = TEAMS_DIR): Buffer {
  const manifest = filledManifest(readFileSync(`${dir}manifest.json`, 'utf8'), s);
  return zipBytes([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: readFileSync(`${dir}color.png`) },
    { name: 'outline.png', data: readFileSync(`${dir}outline.png`) },
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const settings = packageSettings(process.env);
  if (!settings.ok) {
    console.error(settings.error);
    process.exit(1);
  }
  const out = `${TEAMS_DIR}perfbot.zip`;
  writeFileSync(out, teamsPackage(settings.value));
  console.log(`wrote ${out}: upload it in Teams (Apps > Manage your apps > Upload an app)`);
}
