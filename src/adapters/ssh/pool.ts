import type { Client } from 'ssh2';
import { connectRegion } from './connect';
import type { RegionTarget } from './targets';

/** OpenSSH allows 10 sessions per connection by default; stay under it and queue the rest. */
const MAX_CHANNELS = 8;

/** One region's connection and the commands using it. */
export interface Lease {
  regionId: string;
  client: Client;
  entry: PoolEntry;
}

interface PoolEntry {
  connection: ReturnType<typeof connectRegion>;
  active: number;
  waiting: (() => void)[];
  idleTimer?: NodeJS.Timeout;
  close(): void;
}

/**
 * One connection per region, opened on first use, shared by up to 8 commands at once, closed after `reuseMs`
 * without use, forgotten as soon as it drops so the next command connects afresh.
 */
export class ConnectionPool {
  private readonly entries = new Map<string, PoolEntry>();

  constructor(
    private readonly reuseMs: number,
    private readonly onConnect?: (regionId: string) => void,
  ) {}

  /** A connection to the region, waiting for a free channel slot; throws SshConnectError when it cannot connect. */
  async acquire(target: RegionTarget): Promise<Lease> {
    const entry = this.entries.get(target.id) ?? this.open(target);
    clearTimeout(entry.idleTimer);
    entry.active += 1;
    if (entry.active > MAX_CHANNELS) await new Promise<void>((wake) => entry.waiting.push(wake));
    try {
      return { regionId: target.id, client: (await entry.connection).client, entry };
    } catch (err) {
      this.releaseEntry(target.id, entry);
      throw err;
    }
  }

  /** Gives the slot back; the last one out starts the idle timer. */
  release(lease: Lease): void {
    this.releaseEntry(lease.regionId, lease.entry);
  }

  /** Closes the lease's connection and forgets it (idle, or no longer trusted). */
  drop(lease: Pick<Lease, 'regionId' | 'entry'>): void {
    if (this.entries.get(lease.regionId) === lease.entry) this.entries.delete(lease.regionId);
    lease.entry.close();
  }

  private releaseEntry(regionId: string, entry: PoolEntry): void {
    entry.active -= 1;
    // The next channel opens after this one's close has gone out, so the server has freed its session.
    const next = entry.waiting.shift();
    if (next) setImmediate(next);
    if (entry.active > 0) return;
    entry.idleTimer = setTimeout(() => this.drop({ regionId, entry }), this.reuseMs);
    entry.idleTimer.unref();
  }

  /** Closes every connection. */
  closeAll(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.idleTimer);
      entry.connection.then((c) => c.close(), () => undefined);
    }
    this.entries.clear();
  }

  private open(target: RegionTarget): PoolEntry {
    const entry: PoolEntry = { connection: connectRegion(target), active: 0, waiting: [], close: () => undefined };
    const forget = () => this.entries.get(target.id) === entry && this.entries.delete(target.id);
    entry.connection.then((conn) => {
      this.onConnect?.(target.id);
      entry.close = () => conn.close();
      conn.onClose(forget);
    }, forget);
    this.entries.set(target.id, entry);
    return entry;
  }
}
