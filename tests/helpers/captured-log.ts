// The process's own logger (redaction, scrubbing, request ids), writing its lines into an array a test
// can read, as they would reach standard output.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

export interface CapturedLog {
  log: Logger;
  /** Each line as written: one JSON object per entry. */
  lines: string[];
}

export function captureLog(level = 'info'): CapturedLog {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger(level, { destination }), lines };
}
