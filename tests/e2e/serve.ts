import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

/** A port nobody listens on now, so two runs on one machine never share (or kill) a server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Resolves once `url` answers; throws with the server's output if it exits or takes over a minute. */
export async function waitForServer(server: ChildProcess, url: string): Promise<void> {
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`${server.spawnargs.join(' ')} did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Serves the production build (`npm run build` ran before) with `vite preview` on loopback for the suite.
 * The config makes preview behave like a plain static host (no single-page fallback, `/x` → `/x/`, the
 * book's 404 page), so a page the pre-render did not write fails here as it would for a reader.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const BASE_URL = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await waitForServer(server, BASE_URL);
  project.provide('baseUrl', BASE_URL);
  return () => {
    if (server.pid) process.kill(-server.pid);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
