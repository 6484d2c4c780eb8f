import { describe, expect, it } from 'vitest';
import { blockAdministrator, blockOwner, blockPublisher, isCityCommitteeKind } from '../src/block-authority.js';

describe('who administers and who publishes a block', () => {
  it('a city block: Home Affairs administers, the City Chairman publishes', () => {
    const city = blockOwner({ id: 'hp', kind: 'CITY_COMMITTEE' });
    expect(city).toEqual({ id: 'hp', cityOwned: true });
    expect(blockAdministrator(city)).toEqual({ role: 'HOME_AFFAIRS' });
    expect(blockPublisher(city)).toEqual({ cityChair: true });
  });

  it.each(['DEPARTMENT', 'CITY_AGENCY', 'DISTRICT_COMMITTEE'])('a block a %s runs: its head administers and publishes', (kind) => {
    expect(isCityCommitteeKind(kind)).toBe(false);
    const owner = blockOwner({ id: 'owner', kind });
    expect(blockAdministrator(owner)).toEqual({ headOf: 'owner' });
    expect(blockPublisher(owner)).toEqual({ headOf: 'owner' });
  });
});
