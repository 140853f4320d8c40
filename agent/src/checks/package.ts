import type { PackageCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { assertEqual, skipAll } from '../compare';
import { reportMatchers } from '../matchers/text';
import { msg } from '../messages';

/** package: whether a package is installed, and its versions (dpkg targets). */
export const pkg: CheckRunner<PackageCheck> = async (c, ctx) => {
  const db = await ctx.system.dpkg();
  if (db === null) {
    ctx.report({ property: 'installed', status: 'skip', message: msg(ctx.lang, 'noDpkg') });
    return;
  }
  const versions = db.get(c.name) ?? [];
  const installed = versions.length > 0;
  const want = c.installed ?? true;
  assertEqual(ctx, 'installed', want, installed);
  if (!installed && c.versions?.length) {
    skipAll(ctx, c.versions.map((_, i) => `versions[${i}]`), msg(ctx.lang, 'missingPackage', c.name));
    return;
  }
  await reportMatchers(ctx, 'versions', { text: versions.join('\n') }, c.versions);
};
