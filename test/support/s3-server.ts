import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}

// s3rver ships no type declarations; this is the part the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

/** An S3-compatible server (s3rver) on loopback with one bucket, storing in a temp folder. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** The credentials s3rver accepts, for AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (a free port, or the one given) with `bucket` created. */
export async function startS3Server(bucket = 'incident-artifacts', port = 0): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
