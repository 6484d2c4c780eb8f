import { describe, expect, it } from 'vitest';
import { blockCodeProblem, checkCode, codeProblem, isBlockCode, isCode } from '../src/codes.js';

describe('the code rule (areas, criteria, blocks)', () => {
  it('accepts the codes the regulation and the seeds use', () => {
    for (const code of ['STEERING', 'PUBLIC_FINANCE', 'IMPACT', '1.1', '1.1.2', 'A', 'X-9', 'DEPARTMENTS-LZ3K9Q0ABCD', 'a'.repeat(32)]) {
      expect(codeProblem(code), code).toBeNull();
    }
  });

  it('refuses what could name a piece of an object, anything too long and anything that is not letters, digits, ".", "-", "_"', () => {
    const refused = ['__proto__', '_x', 'constructor', 'CONSTRUCTOR', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__',
      '', 'a'.repeat(33), 'A B', 'A/B', 'Đ1', '.1', '-1', 'a\u0000', '1.1 ', 'x\n'];
    for (const code of refused) expect(isCode(code), JSON.stringify(code)).toBe(false);
    expect(codeProblem('constructor')).toMatch(/reserved/);
    expect(codeProblem('a'.repeat(33))).toMatch(/at most 32/);
  });

  it('a block code is a code, or an organization code, "/" and a code', () => {
    for (const block of ['DEPARTMENTS', 'WARDS', 'HB/COMMUNES', 'DIS-LZ3K9Q0ABCD/COMMUNES', `${'A'.repeat(32)}/${'B'.repeat(32)}`]) {
      expect(blockCodeProblem(block), block).toBeNull();
    }
    for (const block of ['__proto__', 'HB/__proto__', '__proto__/X', 'HB/constructor', 'prototype', 'A/B/C', 'HB/', '/X', `${'A'.repeat(33)}/X`, 'HB / X']) {
      expect(isBlockCode(block), block).toBe(false);
    }
  });

  it('refuses with BAD_USER_INPUT naming the field', () => {
    expect(() => checkCode('__proto__', 'input.areas[0].criteria[1].code')).toThrow(expect.objectContaining({
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.areas[0].criteria[1].code' }),
    }));
  });
});
