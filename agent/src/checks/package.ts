import type { PackageCheck } from '../../../extension/src/core/generated/protocol';
import type { CheckRunner } from '../context';
import { assertEqual, skipAll } from '../compare';
import { reportMatchers } from '../matchers/text';
import { msg } from '../messages';
import { debInstalled } from '../system/package-deb';

/** package: whether a package is installed, and its versions (dpkg targets). */
export const pkg: CheckRunner<PackageCheck> = async (c, ctx) => {
  const versions = await debInstalled(c.name);
  if (versions === null) {
    ctx.report({ property: 'installed', status: 'skip', message: msg(ctx.lang, 'noDpkg') });
    return;
  }
  const installed = versions.length > 0;
  const want = c.installed ?? true;
  assertEqual(ctx, 'installed', want, installed);
  if (!installed && c.versions?.length) {
    skipAll(ctx, c.versions.map((_, i) => `versions[${i}]`), msg(ctx.lang, 'missingPackage', c.name));
    return;
  }
  reportMatchers(ctx, 'versions', versions.join('\n'), c.versions);
};
