import assert from 'node:assert/strict';
import { log } from '../../agent/src/checks/log';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { journalLine, loggerArgv } from '../../agent/src/system/logs';
import { fakeSystem, runOn } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('log sources', () => {
  it('words a journal entry as a syslog line; a binary message is decoded', () => {
    assert.equal(journalLine('{"MESSAGE":"Failed password for root","SYSLOG_IDENTIFIER":"sshd","_PID":"812"}'), 'sshd[812]: Failed password for root');
    assert.equal(journalLine(JSON.stringify({ MESSAGE: [...Buffer.from('h\u00e9')] })), 'h\u00e9');
    assert.equal(journalLine('not json'), null);
  });
  it('builds logger argv without a shell, remote with -n -P and -d or -T', () => {
    assert.deepEqual(loggerArgv({ message: '-x; rm', tag: 't', priority: 'user.notice' }), ['logger', '-t', 't', '-p', 'user.notice', '--', '-x; rm']);
    assert.deepEqual(loggerArgv({ message: 'm', tag: 't', priority: 'local0.info', server: { host: '10.0.0.5', port: 514, protocol: 'tcp' } }).slice(5, 10), [
      '-n',
      '10.0.0.5',
      '-P',
      '514',
      '-T',
    ]);
  });
});

describe('log check on a fake system', () => {
  const lines = ['sshd[812]: Failed password for root from 10.0.0.9', 'CRON[90]: (root) CMD (run-parts)'];
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
    ['a text inside a line', { pattern: 'Failed password' }, { lines }, 'found:pass'],
    ['a regular expression', { pattern: { matches: 'sshd\\[\\d+\\]: Failed password for (root|admin)' } }, { lines }, 'found:pass'],
    ['no such line', { pattern: 'Accepted publickey' }, { lines }, 'found:fail'],
    ['absent as wanted', { pattern: 'Accepted publickey', exists: false }, { lines }, 'found:pass'],
    ['present but unwanted', { pattern: 'Failed password', exists: false }, { lines }, 'found:fail'],
    ['a triggered message lands', { path: '/var/log/remote.log', trigger: { message: 'tssr-ok' } }, { lines: [], lands: true }, 'found:pass'],
    ['a triggered message never lands', { path: '/var/log/remote.log', trigger: { message: 'tssr-ok' }, withinMs: 300 }, { lines: [] }, 'found:fail'],
    [
      'nobody listens on the server port',
      { trigger: { message: 'm', server: { host: '127.0.0.1' } }, withinMs: 60000 },
      { lines: [], send: { kind: 'refused' } },
      'found:fail',
    ],
    ['logger missing is an error', { trigger: { message: 'm' } }, { lines: [], send: { kind: 'missingTool', tool: 'logger' } }, 'found:error'],
    ['an unreadable log is an error', { pattern: 'x' }, { lines: { kind: 'failed', error: 'EACCES' } }, 'found:error'],
    [
      'a journal showing only the user’s own entries cannot prove a line absent',
      { pattern: 'x' },
      { lines: { kind: 'lines', lines: [], truncated: false, partial: true } },
      'found:error',
    ],
    ['an invalid regex is an error', { pattern: { matches: '(' } }, { lines }, 'found:error'],
  ];
  for (const [name, check, log_, expected] of cases) {
    it(name, async function () {
      this.timeout(10_000);
      const { summary } = await runOn(log, { type: 'log', ...check } as never, fakeSystem({ log: log_ as never }), regex);
      assert.deepEqual(summary, [expected]);
    });
  }
  it('reads the journal on systemd, a file otherwise, and cites the file', async () => {
    const sys = fakeSystem({ systemd: true, log: { lines } });
    await runOn(log, { type: 'log', pattern: 'CRON' }, sys, regex);
    assert.deepEqual(sys.calls, ['read journal']);
    const { outcomes } = await runOn(log, { type: 'log', pattern: 'CRON' }, fakeSystem({ log: { lines } }), regex);
    assert.deepEqual([outcomes[0].path, outcomes[0].actual], ['/var/log/syslog', lines[1]]);
  });
  it('fails at once when nothing listens, without waiting out the window', async () => {
    const sys = fakeSystem({ log: { lines: [], send: { kind: 'refused' } } });
    const { outcomes } = await runOn(log, { type: 'log', trigger: { message: 'm', server: { host: '127.0.0.1', port: 5514 } }, withinMs: 600000 }, sys, regex);
    assert.deepEqual(outcomes[0].reason, { code: 'log.noListener', params: { host: '127.0.0.1', port: 5514, protocol: 'udp' } });
    assert.deepEqual(sys.calls, ['send m']);
  });
  it('an unreadable log owned by adm says root is needed', async () => {
    const { outcomes } = await runOn(log, { type: 'log', pattern: 'x' }, fakeSystem({ log: { lines: { kind: 'failed', error: 'EACCES' } } }), regex);
    assert.equal(outcomes[0].reason?.code, 'log.needsRoot');
  });
});
