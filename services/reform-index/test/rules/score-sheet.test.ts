import { describe, expect, it } from 'vitest';
import { copySheet, recordOf, sheetFromJson, sheetToJson } from '../../src/rules/score-sheet.js';

/** A stored sheet written before codes were checked, as the PostgreSQL driver hands it over (JSON.parse). */
const hostile = () => JSON.parse('{"__proto__": {"self": 999, "evidence": ["injected"]}, "constructor": {"self": 1}, "1.1": {"self": 500, "__proto__": {"polluted": true}, "extra": 1}}');

describe('score sheets keyed by user-chosen criterion codes', () => {
  it('a stored "__proto__" entry becomes an ordinary entry and reaches no prototype', () => {
    const sheet = sheetFromJson(hostile());
    expect(sheet.get('__proto__')).toEqual({ self: 999, evidence: ['injected'] });
    expect(sheet.get('constructor')).toEqual({ self: 1 });
    // Only a record's own fields are carried over; its "__proto__" and unknown keys are dropped.
    expect(sheet.get('1.1')).toEqual({ self: 500 });
    expect(Object.getPrototypeOf(sheet.get('1.1'))).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).self).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writing scores under any code, even "__proto__", stays inside the sheet', () => {
    const sheet = copySheet(sheetFromJson(hostile()));
    recordOf(sheet, '__proto__').self = 1;
    recordOf(sheet, 'toString').selfNote = 'x';
    expect(({} as Record<string, unknown>).self).toBeUndefined();
    expect(typeof ({}).toString).toBe('function');
    expect(sheet.get('toString')).toEqual({ selfNote: 'x' });
  });

  it('round-trips through JSON with every code as an own key', () => {
    const sheet = sheetFromJson(hostile());
    const text = JSON.stringify(sheetToJson(sheet));
    expect(Object.getOwnPropertyDescriptor(JSON.parse(text), '__proto__')?.value).toEqual({ self: 999, evidence: ['injected'] });
    expect(sheetFromJson(JSON.parse(text))).toEqual(sheet);
  });

  it('a copy is independent of the loaded sheet', () => {
    const loaded = sheetFromJson({ '1.1': { self: 1, evidence: ['a'] } });
    const copy = copySheet(loaded);
    recordOf(copy, '1.1').evidence!.push('b');
    recordOf(copy, '1.2').self = 2;
    expect(loaded).toEqual(new Map([['1.1', { self: 1, evidence: ['a'] }]]));
  });
});
