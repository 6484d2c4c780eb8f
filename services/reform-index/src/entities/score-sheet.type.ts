import { JsonType, type Platform, type TransformContext } from '@mikro-orm/core';
import { sheetFromJson, sheetToJson, type ScoreSheet } from '../rules/score-sheet.js';

/**
 * The `sheet` jsonb column as a ScoreSheet (a Map by criterion code). Stored JSON is unchanged; what the driver
 * parses is rebuilt by `sheetFromJson`, so no stored key is ever assigned onto a plain object.
 */
export class ScoreSheetType extends JsonType {
  override convertToDatabaseValue(value: unknown, _platform: Platform, _context?: TransformContext): string | null {
    if (value === null || value === undefined) return null;
    return JSON.stringify(sheetToJson(value instanceof Map ? (value as ScoreSheet) : sheetFromJson(value)));
  }

  override convertToJSValue(value: unknown, _platform: Platform): ScoreSheet {
    if (value instanceof Map) return value as ScoreSheet;
    return sheetFromJson(typeof value === 'string' ? JSON.parse(value) : value);
  }

  /** Serialized entities (the audit record's before/after) show the sheet as the JSON document it is stored as. */
  override toJSON(value: ScoreSheet): object {
    return sheetToJson(value);
  }
}
