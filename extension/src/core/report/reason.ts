/**
 * The result that says why a critère did not pass: its first failure, else its first error, else its first skip, in the
 * critère's order of checks (results arrive as checks finish: the reason must not change from one run to the next).
 */
export function firstNotPassed<R extends { status: string; checkIndex?: number }>(results: readonly R[]): R | undefined {
  const ordered = [...results].sort((a, b) => (a.checkIndex ?? 0) - (b.checkIndex ?? 0));
  return ordered.find((r) => r.status === 'fail') ?? ordered.find((r) => r.status === 'error') ?? ordered.find((r) => r.status === 'skip');
}

/** The reason a critère did not pass, from its first failing (or erroring) result's message: never the hint. */
export function reasonOf(results: ReadonlyArray<{ status: string; checkIndex?: number; message?: string; property: string }>): string {
  const bad = firstNotPassed(results);
  return bad?.message ?? bad?.property ?? '';
}
