import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * What the agent's worker runs first: it compiles the agent bundle through V8's code cache, as the CLI's launcher does
 * for its own bundle (extension/src/cli/launcher.ts), which takes about 4 ms off the worker's start-up. The cache is
 * keyed by the bundle's size, mtime and inode (node:crypto would cost the worker more than it saves), is written once
 * after a miss, before the request arrives, and is refused by V8 itself when its flags or the source length differ.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Module = require('node:module');
const { Script } = require('node:vm');
const { file, cacheFile } = workerData.boot;
const source = fs.readFileSync(file, 'utf8');
const st = fs.statSync(file);
const key = st.size + ':' + st.mtimeMs + ':' + st.ino + '\\n';
let cachedData;
try {
  const data = fs.readFileSync(cacheFile);
  if (data.subarray(0, key.length).toString('latin1') === key) cachedData = data.subarray(key.length);
} catch {}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, require('node:path').dirname(file));
if (!cachedData || script.cachedDataRejected) {
  setImmediate(() => {
    try {
      fs.mkdirSync(require('node:path').dirname(cacheFile), { recursive: true, mode: 0o700 });
      const tmp = cacheFile + '.' + process.pid + '.' + require('node:worker_threads').threadId;
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]), { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
    } catch {}
  });
}
`;

/** FNV-1a of a string, in hex: names the cache slot of one installed bundle and Node version. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** How the worker starts: the boot script with the cache's place, or the bundle itself when the cache is turned off. */
export function agentWorkerEntry(agentPath: string): { entry: string; eval: boolean; boot?: { file: string; cacheFile: string } } {
  if (process.env.TSSR_LAB_NO_CODE_CACHE) return { entry: agentPath, eval: false };
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tssr-lab');
  const cacheFile = join(dir, `agent-worker-${fnv(`${agentPath}\0${process.version}\0${process.arch}`)}.v8`);
  return { entry: BOOT, eval: true, boot: { file: agentPath, cacheFile } };
}
