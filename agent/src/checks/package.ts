import type { PackageCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectThat, skipBecause } from '../compare';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';

/** package: whether a package is installed, and its versions (dpkg targets). */
export const pkg: CheckRunner<PackageCheck> = async (c, ctx) => {
  const db = await ctx.system.dpkg();
  if (db === null) {
    ctx.report({ property: 'installed', status: 'skip', reason: because('package.noDatabase') });
    return;
  }
  const versions = db.get(c.name) ?? [];
  const installed = versions.length > 0;
  const want = c.installed ?? true;
  await expectThat(ctx, 'installed', want, installed);
  if (!installed && c.versions?.length) {
    skipBecause(ctx, c.versions.map((_, i) => `versions[${i}]`), because('package.missing', { name: c.name }));
    return;
  }
  await reportMatchers(ctx, 'versions', { text: versions.join('\n') }, c.versions);
};
