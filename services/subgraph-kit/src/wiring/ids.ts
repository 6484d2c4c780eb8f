/**
 * Ids are UUIDs. Anything else names nothing, and must never reach a uuid column, where PostgreSQL would refuse the
 * whole statement: filter it out of a batch, or answer "not found" before asking.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string | null | undefined): value is string => typeof value === 'string' && UUID.test(value);

/** The ids of a batch that can name a row. */
export const uuidsOnly = (ids: readonly string[]): string[] => ids.filter(isUuid);
