// Starts the render worker under tsx: `npm start` and the tests run the TypeScript sources without a
// build, and a worker thread does not inherit the loader of the thread that started it.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
