import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { firstBadUtf8 } from '../../extension/src/core/yaml-file';

describe('UTF-8 check of YAML files (first bad byte)', () => {
  const cases: Array<[string, number[], number]> = [
    ['ASCII', [0x61, 0x62], -1],
    ['é and a 4-byte emoji', [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['Latin-1 é', [0x61, 0xe9, 0x62], 1],
    ['a lone continuation byte', [0x80], 0],
    ['an overlong "/"', [0x61, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut by the end of file', [0x61, 0xe2, 0x82], 1],
  ];
  for (const [name, bytes, expected] of cases) {
    it(`${name}: ${expected === -1 ? 'valid' : `bad at ${expected}`}`, () => {
      const buf = Uint8Array.from(bytes);
      assert.equal(firstBadUtf8(buf), expected);
      assert.equal(isUtf8(buf), expected === -1, 'agrees with Node');
    });
  }
});
