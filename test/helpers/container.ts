import { join } from 'node:path';
import { Container, Lab, labImage, labProblem, runArgv, type Ran } from '../../extension/src/cli/lab/lab';
import { ROOT } from './paths';

// The lab plumbing lives in extension/src/cli/lab/ (shared with `tssr-lab pack test`); the tests use it from there.
export { Container, Lab, labImage, runArgv, type Ran };

/** tools/lab: the rootfs recipe (image.sh, build-root.sh, packages.txt) and the container plumbing (lab.sh). */
export const LAB_DIR = join(ROOT, 'tools', 'lab');

/** Why this machine cannot run lab containers (with the fix), or undefined when it can. */
export function labUnavailable(): string | undefined {
  const p = labProblem();
  if (!p) return undefined;
  if (p.kind === 'notRoot') return 'the container suite needs root (systemd-nspawn, network namespaces, cgroups): run it as root, as CI does';
  if (p.kind === 'missing') return `missing ${p.tools.join(', ')}: apt-get install -y debootstrap systemd-container iproute2 util-linux openssh-client`;
  return 'tools/lab not found';
}
