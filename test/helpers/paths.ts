import { join } from 'node:path';

/** Repository root, from out/test/helpers. */
export const ROOT = join(__dirname, '..', '..', '..');
/** The bundled agent, as shipped. */
export const AGENT = join(ROOT, 'dist', 'agent.js');
/** The bundled CLI. */
export const CLI = join(ROOT, 'dist', 'cli.js');
/** The sample pack. */
export const PACK = join(ROOT, 'exercises', 'tssr-debian');
/** Test fixtures (sources, not compiled). */
export const FIXTURES = join(ROOT, 'test', 'fixtures');
