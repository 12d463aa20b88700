// `vite preview` of a build on the first free port from `firstPort`, for the benchmark scripts
// (bench-review.mjs, bench-devices.mjs): started detached, answered before it resolves, stopped
// by `stop()` and on the process's exit.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

async function freePort(firstPort) {
  for (let port = firstPort; port < firstPort + 50; port += 1) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${firstPort}-${firstPort + 49}`);
}

/** Serves `dir`; resolves to `{ base, stop }` once the server answers. */
export async function startPreview(dir, firstPort = 4185) {
  const port = await freePort(firstPort);
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      dir,
    ],
    { stdio: 'ignore', detached: true },
  );
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error('vite preview did not start');
}
