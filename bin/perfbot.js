#!/usr/bin/env node
// The package's command (`perfbot status 2.2`): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
