import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results, prop } from '../helpers/agent';

const dir = mkdtempSync(join(tmpdir(), 'tssr-hardening-'));
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
const plain = join(dir, 'plain.txt');
writeFileSync(plain, 'alpha\nbeta\n');
// Catastrophic backtracking for ^(a+)+$: 2^90 paths, never ends in practice.
const evil = 'a'.repeat(90) + '!';
// Past the inline limit (16 KiB): matched in the worker, where a backtracking engine can run for ever.
const long = join(dir, 'long.txt');
writeFileSync(long, 'a'.repeat(20_000) + '!');
const big = join(dir, 'big.txt');
writeFileSync(big, 'x'.repeat(10 * 1024 * 1024) + '\nSECRET\n');

interface Case {
  name: string;
  checks: unknown[];
  expect: Array<[number, string, string, RegExp?]>;
  withinMs: number;
}

// Each case: checks, then [checkIndex, property, status, message pattern] for results, all within a time bound.
const cases: Case[] = [
  {
    name: 'the issue\'s ^(a+)+$ on 90 a\'s and "!" is a plain fail at once (linear-time engine)',
    checks: [
      { type: 'command', exec: ['printf', evil], timeoutMs: 3000, stdout: [{ matches: '^(a+)+$' }] },
      { type: 'file', path: plain, contents: [{ matches: '^beta$' }] },
    ],
    expect: [
      [0, 'stdout[0]', 'fail'],
      [1, 'contents[0]', 'pass'],
    ],
    withinMs: 8000,
  },
  {
    name: 'a catastrophic backreference pattern ends as an error at the timeout and the next check still runs',
    checks: [
      { type: 'command', exec: ['printf', evil], timeoutMs: 1000, stdout: [{ matches: '^(a+)+\\1$' }] },
      { type: 'file', path: plain, contents: [{ matches: '^beta$' }] },
    ],
    expect: [
      [0, 'stdout[0]', 'error', /\(a\+\)\+.*1000 ms/],
      [1, 'contents[0]', 'pass'],
    ],
    withinMs: 8000,
  },
  {
    name: 'a long text goes to the worker, still guarded; a regex after a killed one gets a fresh worker',
    checks: [
      { type: 'file', path: long, timeoutMs: 3000, contents: [{ notMatches: '^(a+)+$' }, { notMatches: '^(a+)+\\1$' }] },
      { type: 'command', exec: ['printf', 'oo'], stdout: [{ matches: '^(o)\\1$' }] },
    ],
    expect: [
      [0, 'contents[0]', 'pass'],
      [0, 'contents[1]', 'error', /3000 ms/],
      [1, 'stdout[0]', 'pass'],
    ],
    withinMs: 8000,
  },
  {
    name: 'an invalid regex is an error result, not a crash',
    checks: [{ type: 'file', path: plain, contents: [{ matches: '(unclosed' }, 'alpha'] }],
    expect: [
      [0, 'contents[0]', 'error', /unclosed|invalid|invalide/i],
      [0, 'contents[1]', 'pass'],
    ],
    withinMs: 5000,
  },
  {
    name: '/dev/zero is refused before any read',
    checks: [{ type: 'file', path: '/dev/zero', contents: ['x'] }],
    expect: [[0, 'contents[0]', 'error', /character device/]],
    withinMs: 5000,
  },
  {
    name: 'a FIFO with asserted contents is an error at once, never a hang',
    checks: [
      { type: 'file', path: fifo, timeoutMs: 20_000, contents: [{ notContains: 'x' }] },
      { type: 'file', path: plain },
    ],
    expect: [
      [0, 'contents[0]', 'error', /fifo/],
      [1, 'exists', 'pass'],
    ],
    withinMs: 5000,
  },
  {
    name: 'a directory with asserted contents is an error',
    checks: [{ type: 'file', path: dir, contents: ['x'] }],
    expect: [[0, 'contents[0]', 'error', /directory/]],
    withinMs: 5000,
  },
  {
    name: 'a file past the cap: a negative matcher is an error, a found positive passes',
    checks: [{ type: 'file', path: big, contents: [{ notContains: 'SECRET' }, 'xxx', 'SECRET', { equals: 'x' }] }],
    expect: [
      [0, 'contents[0]', 'error', /tronqué|truncated/],
      [0, 'contents[1]', 'pass'],
      [0, 'contents[2]', 'error'],
      [0, 'contents[3]', 'fail'],
    ],
    withinMs: 10_000,
  },
  {
    name: 'truncated command output: notContains and notMatches are errors, a found positive passes',
    checks: [
      {
        type: 'command',
        exec: ['sh', '-c', 'yes flood | head -c 3000000; echo NEEDLE'],
        stdout: [{ notContains: 'NEEDLE' }, { notMatches: 'NEEDLE' }, 'flood'],
      },
    ],
    expect: [
      [0, 'stdout[0]', 'error', /tronqué|truncated/],
      [0, 'stdout[1]', 'error'],
      [0, 'stdout[2]', 'pass'],
    ],
    withinMs: 10_000,
  },
];

describe('agent hardening: regexes, reads and caps', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const started = Date.now();
      const t = await runAgent(request(c.checks, { concurrency: 1 }), 60_000);
      const rs = results(t);
      assert.equal(t.code, 0, t.stderr);
      for (const [index, property, status, message] of c.expect) {
        const r = prop(rs, property, index);
        assert.equal(r.status, status, JSON.stringify(r));
        if (message) assert.match(r.message, message);
      }
      assert.equal(t.events.at(-1)!.event, 'summary');
      assert.ok(Date.now() - started < c.withinMs, `took ${Date.now() - started} ms`);
    });
  }
});
