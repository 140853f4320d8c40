import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { Evaluation } from '../../schemas/generated/types';
import { canonicalize } from '../../extension/src/core/grade/canonical';
import { signEvaluation, verifyEvaluation } from '../../extension/src/core/grade/sign';
import { validate } from '../../extension/src/core/schemas';
import { sampleEvaluation } from '../helpers/evaluation';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { priv: privateKey.export({ type: 'pkcs8', format: 'pem' }), pub: publicKey.export({ type: 'spki', format: 'pem' }) };
};

describe('grade: canonical JSON (RFC 8785) and signed reports', () => {
  it('canonicalises the RFC 8785 test vectors', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    assert.equal(
      canonicalize(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    const keys = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    // Object.keys would put "1" first (integer-like keys): read the order from the canonical text itself.
    const order = [...canonicalize(keys).matchAll(/"((?:[^"\\]|\\.)*)":"/g)].map((m) => (JSON.parse(`"${m[1]}"`) as string).codePointAt(0)?.toString(16));
    assert.deepEqual(order, ['d', '31', '80', 'f6', '20ac', '1f600', 'fb33']);
    assert.throws(() => canonicalize({ x: Infinity }), /non-finite/);
  });

  it('a signed report is schema-valid and verifies with the matching public key', () => {
    const { priv, pub } = pem();
    const signed = signEvaluation(sampleEvaluation(), priv);
    assert.deepEqual(validate('evaluation.schema.json', signed), []);
    assert.deepEqual(verifyEvaluation(JSON.parse(JSON.stringify(signed)), pub), { ok: true, keyId: signed.signature?.keyId });
  });

  it('names the critère whose evidence lost one byte, and the rest of the document when a name changes', () => {
    const { priv, pub } = pem();
    const signed = signEvaluation(sampleEvaluation(), priv);
    const edited = JSON.parse(JSON.stringify(signed)) as Evaluation;
    const result = edited.hosts[1].runs[0].criteria[0].results[0];
    result.actual = String(result.actual).slice(0, -1);
    assert.deepEqual(verifyEvaluation(edited, pub), { ok: false, why: 'changed', changed: ['/hosts/1/runs/0/criteria/0'], keyId: signed.signature?.keyId });
    const renamed = JSON.parse(JSON.stringify(signed)) as Evaluation;
    renamed.hosts[0].candidate.name = 'Alice Martine';
    assert.deepEqual(verifyEvaluation(renamed, pub), { ok: false, why: 'changed', changed: [''], keyId: signed.signature?.keyId });
  });

  it('refuses a forged digest list, another key, and an unsigned report', () => {
    const { priv, pub } = pem();
    const signed = signEvaluation(sampleEvaluation(), priv);
    const forged = JSON.parse(JSON.stringify(signed)) as Evaluation;
    forged.hosts[1].runs[0].criteria[1].earned = 2; // the failing tls critère, forged to full points
    forged.signature = { ...forged.signature!, digests: { ...forged.signature!.digests } };
    const { digests: recomputed } = signEvaluation(forged, pem().priv).signature!;
    forged.signature.digests = recomputed;
    const v = verifyEvaluation(forged, pub);
    assert.equal(v.ok, false);
    assert.equal(!v.ok && v.why, 'badSignature');
    assert.equal(verifyEvaluation(signed, pem().pub).ok === false && (verifyEvaluation(signed, pem().pub) as { why: string }).why, 'otherKey');
    assert.deepEqual(verifyEvaluation(sampleEvaluation(), pub), { ok: false, why: 'unsigned', changed: [] });
  });
});
