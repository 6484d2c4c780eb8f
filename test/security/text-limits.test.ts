import { describe, expect, it } from 'vitest';
import { direct, expectError, ok, tableCounts, token, viaGateway } from '../support/client.js';

const CREATE_PERSON = 'mutation($name: String!) { createPerson(fullName: $name) { id fullName } }';

describe('text longer than any name, note or explanation needs is refused, naming the field', () => {
  it('refuses 20,001 characters through the gateway and directly, and writes nothing', async () => {
    const homeAffairs = await token('HOME_AFFAIRS');
    const before = await tableCounts('organizations');
    const long = 'Nguyễn '.repeat(2858).slice(0, 20_001);
    for (const response of [await viaGateway(CREATE_PERSON, { name: long }, homeAffairs), await direct('organizations', CREATE_PERSON, { name: long }, homeAffairs)]) {
      const error = expectError(response, 'BAD_USER_INPUT', 'name');
      expect(error.message).toMatch(/longer than 20000 characters/);
    }
    const inline = await viaGateway(`mutation { createPerson(fullName: "${'a'.repeat(20_001)}") { id } }`, {}, homeAffairs);
    expectError(inline, 'BAD_USER_INPUT');
    expect(await tableCounts('organizations')).toEqual(before);
  });

  it('still accepts a long but plausible name', async () => {
    const name = `Nguyễn Thị ${'Minh '.repeat(40)}Anh`;
    const { createPerson } = ok(await viaGateway<{ createPerson: { fullName: string } }>(CREATE_PERSON, { name }, await token('HOME_AFFAIRS')));
    expect(createPerson.fullName).toBe(name);
  });
});
