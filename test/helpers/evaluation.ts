import type { Evaluation } from '../../schemas/generated/types';

/** A small graded room: two candidates, one exercise with an auto, a failing and a jury critère. */
export function sampleEvaluation(): Evaluation {
  const criterion = (id: string, referentiel: string, status: 'passed' | 'failed', actual: string, extra: object = {}) => ({
    id,
    title: `Critère ${id}`,
    referentiel,
    points: 2,
    earned: status === 'passed' ? 2 : 0,
    status,
    results: [
      {
        event: 'result' as const,
        criterionId: id,
        checkIndex: 0,
        checkType: 'file',
        property: 'contents',
        status: status === 'passed' ? ('pass' as const) : ('fail' as const),
        message: status === 'passed' ? 'Conforme' : 'Le fichier ne contient pas ssl_certificate',
        actual,
        durationMs: 3,
        ...extra,
      },
    ],
  });
  const run = (tlsStatus: 'passed' | 'failed', actual: string) => ({
    reportVersion: 1 as const,
    exercise: { id: 'web', title: 'Serveur web', competences: ['CCS1'] },
    target: 'ssh://candidat@10.0.0.11',
    startedAt: '2026-11-29T08:00:00.000Z',
    durationMs: 120,
    outcome: 'complete' as const,
    criteria: [
      criterion('vhost', 'CCS1.1', 'passed', actual),
      criterion('tls', 'CCS1.2', tlsStatus, 'server {\n  listen 443;\n  server_name intranet;\n}', { path: '/etc/nginx/sites-enabled/intranet', line: 2 }),
      {
        id: 'oral',
        title: 'Documentation en anglais',
        referentiel: 'CCS1.4',
        points: 1,
        earned: 0,
        status: 'notRun' as const,
        assessment: 'jury' as const,
        results: [],
      },
    ],
    totals: {
      points: 5,
      earned: tlsStatus === 'passed' ? 4 : 2,
      passed: tlsStatus === 'passed' ? 2 : 1,
      failed: tlsStatus === 'passed' ? 0 : 1,
      errors: 0,
      notRun: 1,
    },
  });
  return {
    evaluationVersion: 1,
    session: { id: '2026-11-29-salle-a', title: 'Session TSSR', startedAt: '2026-11-29T08:00:00.000Z' },
    exercises: [
      {
        id: 'web',
        title: 'Serveur web',
        competences: ['CCS1'],
        criteria: [
          { id: 'vhost', title: 'Critère vhost', referentiel: 'CCS1.1', points: 2 },
          { id: 'tls', title: 'Critère tls', referentiel: 'CCS1.2', points: 2 },
          { id: 'oral', title: 'Documentation en anglais', referentiel: 'CCS1.4', points: 1, assessment: 'jury' },
        ],
      },
    ],
    hosts: [
      {
        candidate: { id: 'c01', name: 'Alice <Martin>', host: '10.0.0.11' },
        status: 'done',
        runs: [run('passed', 'server_name intranet.lab.tssr;')],
        totals: { points: 4, earned: 4 },
      },
      {
        candidate: { id: 'c02', name: 'Bruno Petit', host: '10.0.0.12' },
        status: 'done',
        runs: [run('failed', 'server_name www.lab.tssr;')],
        totals: { points: 4, earned: 2 },
      },
      {
        candidate: { id: 'c03', name: 'Chloé Durand', host: '10.0.0.13' },
        status: 'unreachable',
        error: { code: 'UNREACHABLE', message: 'Connexion refusée' },
        runs: [],
      },
    ],
  };
}
