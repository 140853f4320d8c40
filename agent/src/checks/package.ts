import type { PackageCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import type { PackageDb } from '../system/package';
import { errorAll, expectThat, skipBecause } from '../compare';
import { reportMatchers } from '../matchers/text';
import { because } from '../reason';

/** package: whether a package is installed, and its versions (dpkg or rpm targets, detected once per run). */
export const pkg: CheckRunner<PackageCheck> = async (c, ctx) => {
  let db: PackageDb | null;
  try {
    db = await ctx.system.packages();
  } catch (e) {
    errorAll(ctx, ['installed'], because('package.listFailed', { error: (e as Error).message }), c.installed ?? true);
    return;
  }
  if (db === null) {
    ctx.report({ property: 'installed', status: 'skip', reason: because('package.noDatabase') });
    return;
  }
  const versions = db.versions.get(c.name) ?? [];
  const installed = versions.length > 0;
  await expectThat(ctx, 'installed', c.installed ?? true, installed);
  if (!installed && c.versions?.length) {
    skipBecause(
      ctx,
      c.versions.map((_, i) => `versions[${i}]`),
      because('package.missing', { name: c.name }),
    );
    return;
  }
  await reportMatchers(ctx, 'versions', { text: versions.join('\n') }, c.versions);
};
