import type { PortCheck } from '../../../schemas/generated/types';
import type { CheckRunner } from '../context';
import { expectSet, expectThat } from '../compare';

/** port: whether a tcp port listens (or a udp port is bound), and on which addresses. */
export const port: CheckRunner<PortCheck> = async (c, ctx) => {
  const protocol = c.protocol ?? 'tcp';
  const found = (await ctx.system.listeners(protocol)).filter((l) => l.port === c.port);
  await expectThat(ctx, 'listening', c.listening ?? true, found.length > 0);
  await expectSet(
    ctx,
    'ip',
    c.ip,
    found.map((l) => l.ip),
  );
};
