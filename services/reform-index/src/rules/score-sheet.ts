/** What is recorded for one scored item, in hundredths. Appraisal never overwrites the unit's own score. */
export interface ScoreRecord {
  self?: number | null;
  selfNotApplicable?: boolean;
  evidence?: string[];
  selfNote?: string | null;
  appraised?: number | null;
  /** Null: the appraisal kept the unit's not-applicable claim as it was. */
  appraisedNotApplicable?: boolean | null;
  appraisalNote?: string | null;
  survey?: number | null;
  explanationRequest?: string | null;
  explanation?: string | null;
}

/**
 * An assessment's scores by criterion code. Criterion codes are chosen by whoever defines a criteria set, so the
 * sheet is a Map: a code can never reach an object's prototype (a plain object's `sheet["__proto__"]` is
 * Object.prototype itself, and writing a score there once broke every later write of the process).
 */
export type ScoreSheet = Map<string, ScoreRecord>;

const NUMBERS = ['self', 'appraised', 'survey'] as const;
const FLAGS = ['selfNotApplicable', 'appraisedNotApplicable'] as const;
const TEXTS = ['selfNote', 'appraisalNote', 'explanationRequest', 'explanation'] as const;

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** A record rebuilt from stored JSON: only the fields a record has, each of its type; nothing else is carried over. */
function recordFromJson(raw: Record<string, unknown>): ScoreRecord {
  const r: ScoreRecord = {};
  for (const key of NUMBERS) if (own(raw, key) && (raw[key] === null || Number.isSafeInteger(raw[key]))) r[key] = raw[key] as number | null;
  for (const key of FLAGS) if (own(raw, key) && (raw[key] === null || typeof raw[key] === 'boolean')) r[key] = raw[key] as boolean;
  for (const key of TEXTS) if (own(raw, key) && (raw[key] === null || typeof raw[key] === 'string')) r[key] = raw[key] as string | null;
  if (own(raw, 'evidence') && Array.isArray(raw.evidence)) r.evidence = raw.evidence.filter((e): e is string => typeof e === 'string');
  return r;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The sheet of a stored JSON document. JSON.parse turns a `"__proto__"` key into an ordinary own property, which is
 * harmless until something copies it with assignment; here only own entries are read, into a Map, and each record
 * is rebuilt field by field, so a document written before codes were checked cannot carry anything further.
 */
export function sheetFromJson(json: unknown): ScoreSheet {
  const sheet: ScoreSheet = new Map();
  if (!isObject(json)) return sheet;
  for (const [code, raw] of Object.entries(json)) if (isObject(raw)) sheet.set(code, recordFromJson(raw));
  return sheet;
}

/** The sheet as a JSON document (a null-prototype object: every code, even one named like a built-in, stays an own key). */
export function sheetToJson(sheet: ScoreSheet): Record<string, ScoreRecord> {
  const json = Object.create(null) as Record<string, ScoreRecord>;
  for (const [code, record] of sheet) json[code] = record;
  return json;
}

/** An independent copy to change, so the change (and the version bump) is seen against the loaded one. */
export const copySheet = (sheet: ScoreSheet): ScoreSheet => structuredClone(sheet);

/** The record of `code`, created empty on first use. */
export function recordOf(sheet: ScoreSheet, code: string): ScoreRecord {
  let record = sheet.get(code);
  if (!record) sheet.set(code, (record = {}));
  return record;
}
