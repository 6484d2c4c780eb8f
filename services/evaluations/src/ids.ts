/** Ids are UUIDs; anything else names nothing (and must not reach a uuid column, where Postgres would throw). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | null | undefined): value is string => typeof value === 'string' && UUID.test(value);
export const uuidsOnly = (ids: readonly string[]) => ids.filter(isUuid);
