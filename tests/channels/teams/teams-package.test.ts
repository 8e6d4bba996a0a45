// The Teams app package: the manifest with the app id filled in and both icons, in a zip Teams accepts;
// its manifest valid against the schema Microsoft bundles in @microsoft/app-manifest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { colorIcon, outlineIcon } from '../../../scripts/teams-icons.js';
import { packageSettings, teamsPackage } from '../../../scripts/teams-package.js';

const APP_ID = '5f2c1a9e-0b3d-4e7f-9a8b-1c2d3e4f5a6b';

/** Reads a zip's entries from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    expect(data.length).toBe(size);
    out.set(name, data);
    at += 46 + nameLength + extra;
  }
  return out;
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('Teams app package', () => {
  const settings = packageSettings({
    MicrosoftAppId: APP_ID,
    PUBLIC_BASE_URL: 'https://perfbot.example.org/',
  });
  if (!settings.ok) throw new Error(settings.error);
  const files = unzip(teamsPackage(settings.value));

  it('holds the manifest and the two icons at the top level', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('fills in the app id, the bot id and the valid domain', () => {
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.validDomains).toEqual(['perfbot.example.org']);
    expect(manifest.developer.websiteUrl).toBe('https://perfbot.example.org/');
    const titles = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(titles).toEqual(['status', 'exceptions', 'my returns', 'submit', 'help']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('is valid against the Teams manifest schema of its version, as bundled by Microsoft', async () => {
    const json = files.get('manifest.json')?.toString('utf8') ?? '{}';
    // The converter checks the shape for its manifestVersion, and throws on a mismatch.
    const manifest = TeamsManifestConverter.jsonToManifest(json);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    // The bundled copy of the schema the manifest names: no network.
    const schema = JSON.parse(
      readFileSync(
        createRequire(import.meta.url).resolve(
          `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
        ),
        'utf8',
      ),
    ) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
    // The schema does find faults: a scope it does not know, a command title over 32 characters (the
    // converter refuses such a manifest already; the schema is asked directly).
    const broken = JSON.parse(json) as {
      bots: { scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    };
    broken.bots[0]?.scopes.push('everywhere');
    const command = broken.bots[0]?.commandLists[0]?.commands[0];
    if (command) command.title = 'status of a measure for a quarter, please';
    expect(() => TeamsManifestConverter.jsonToManifest(JSON.stringify(broken))).toThrow(/bots/);
    const faults = await AppManifestUtils.validateAgainstSchema(broken as unknown as typeof manifest, schema);
    expect(faults.join('\n')).toMatch(/\/bots\/0\/scopes\/3 must be equal to one of the allowed values/);
    expect(faults.join('\n')).toMatch(
      /\/bots\/0\/commandLists\/0\/commands\/0\/title must NOT have more than 32/,
    );
  });

  it('has a 192x192 colour icon and a 32x32 outline icon, as committed', () => {
    expect(pngSize(files.get('color.png') as Buffer)).toEqual([192, 192]);
    expect(pngSize(files.get('outline.png') as Buffer)).toEqual([32, 32]);
    expect(files.get('color.png')?.equals(colorIcon())).toBe(true);
    expect(files.get('outline.png')?.equals(outlineIcon())).toBe(true);
  });

  it('says what to set when the app id or the public address is missing', () => {
    expect(packageSettings({ PUBLIC_BASE_URL: 'https://x.org' })).toMatchObject({
      ok: false,
      error: /MicrosoftAppId/,
    });
    expect(packageSettings({ MicrosoftAppId: APP_ID })).toMatchObject({
      ok: false,
      error: /PUBLIC_BASE_URL/,
    });
  });
});
