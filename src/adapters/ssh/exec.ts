import type { Client, ClientChannel } from 'ssh2';
import type { RunnerResult } from '../../domain/ports';

/** How long a killed command's channel gets to close before the whole connection is dropped. */
const CLOSE_GRACE_MS = 2000;

export interface ExecOptions {
  label: string;
  timeoutMs: number;
  maxOutputBytes: number;
  onOutput(chunk: Buffer): void;
  /** Called with a stop function while the command runs, so the runner can end it on shutdown. */
  register(stop: (reason: string) => void): () => void;
  /** Called when a killed channel does not close: the connection is no longer trusted. */
  dropConnection(): void;
}

type Stopped = { outcome: 'timed_out' | 'flooded' | 'failed'; message?: string };
type Exit = { code: number | null; signal: string | null };

/**
 * Runs one command on an open connection: stdout and stderr as they arrive, killed (signal, then the channel
 * closed) at the timeout or when the output passes `maxOutputBytes`.
 */
export function execWithLimits(client: Client, commandLine: string, o: ExecOptions): Promise<RunnerResult & { started: boolean }> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    // Listeners go on inside the callback: a fast command's output, exit and close can arrive in one packet.
    client.exec(commandLine, (err, channel) => {
      if (err) resolve({ outcome: 'failed', exitCode: null, signal: null, durationMs: elapsed(), message: `${o.label} would not start the command: ${err.message}.`, started: false });
      else watchChannel(channel, o, (stopped, exit) => resolve({ ...resultOf(stopped, exit, elapsed(), o.label), started: true }));
    });
  });
}

function watchChannel(channel: ClientChannel, o: ExecOptions, done: (stopped: Stopped | null, exit: Exit | null) => void): void {
  let bytes = 0;
  let stopped: Stopped | null = null;
  let exit: Exit | null = null;
  let graceTimer: NodeJS.Timeout | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    clearTimeout(graceTimer);
    unregister();
    done(stopped, exit);
  };
  const stop = (outcome: Stopped['outcome'], message?: string) => {
    if (stopped || exit) return;
    stopped = { outcome, message };
    kill(channel);
    graceTimer = setTimeout(() => {
      // OpenSSH ignores signals for root sessions: the kill cannot be confirmed, so say so.
      const unsure = `${o.label} did not confirm that the command stopped (OpenSSH passes no signals to sessions of root); the connection was closed, but it may still be running there: check the host.`;
      stopped = { outcome, message: message ? `${message} ${unsure}` : unsure };
      o.dropConnection();
      finish();
    }, CLOSE_GRACE_MS);
  };
  const timer = setTimeout(() => stop('timed_out'), o.timeoutMs);
  const unregister = o.register((reason) => stop('failed', reason));
  const onData = (chunk: Buffer) => {
    if (stopped) return;
    const room = o.maxOutputBytes - bytes;
    bytes += Math.min(room, chunk.length);
    if (room > 0) o.onOutput(chunk.length > room ? chunk.subarray(0, room) : chunk);
    if (chunk.length > room) stop('flooded');
  };
  channel.on('data', onData);
  channel.stderr.on('data', onData);
  channel.on('exit', (code: number | null, signal?: string) => {
    exit = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
  });
  channel.on('close', finish);
}

function kill(channel: ClientChannel): void {
  try {
    channel.signal('KILL');
  } catch {
    // The channel may already be closing; closing it is what counts.
  }
  channel.close();
}

function resultOf(stopped: Stopped | null, exit: Exit | null, durationMs: number, label: string): RunnerResult {
  if (stopped) return { outcome: stopped.outcome, exitCode: null, signal: 'KILL', durationMs, message: stopped.message };
  if (!exit) return { outcome: 'failed', exitCode: null, signal: null, durationMs, message: `The connection to ${label} closed before the command reported how it ended.` };
  return { outcome: 'exited', exitCode: exit.code, signal: exit.signal, durationMs };
}
