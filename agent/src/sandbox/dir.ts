import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from '../cleanup';
import { tempPrefix } from '../workspace';

/** A throw-away folder where `script` and `backup` may write: `work/` is the tree under test, `bin/` holds helpers. */
export interface Sandbox {
  root: string;
  work: string;
  bin: string;
  dispose(): Promise<void>;
}

/** Who will write in the sandbox, when not the agent's own user. */
export interface Owner {
  uid: number;
  gid: number;
}

/**
 * Creates a sandbox beside the agent's workspace, named like it so that the start-up sweep removes it after a SIGKILL,
 * and removed on any other exit. For another user, `work/` and `bin/` are theirs and the root is only traversable.
 */
export async function createSandbox(owner?: Owner, parent = tmpdir()): Promise<Sandbox> {
  const root = await mkdtemp(join(parent, tempPrefix()));
  const unregister = removeOnExit(root);
  const work = join(root, 'work');
  const bin = join(root, 'bin');
  const dispose = async (): Promise<void> => {
    await rm(root, { recursive: true, force: true });
    unregister();
  };
  try {
    await mkdir(work, { mode: 0o700 });
    await mkdir(bin, { mode: 0o700 });
    if (owner) {
      await chown(work, owner.uid, owner.gid);
      await chown(bin, owner.uid, owner.gid);
      await chmod(root, 0o711);
    }
  } catch (e) {
    await dispose();
    throw e;
  }
  return { root, work, bin, dispose };
}
