/**
 * One description per figure of the settings a reader may choose: each field's type and range, or its
 * allowed values. The same schema checks a figure's props (which come from a chapter, or from the URL on
 * a figure's own page), the settings stored by an earlier visit, and every value a control sets, and it
 * gives each slider its bounds. Nothing a URL or storage holds can take a figure outside its schema.
 */

export type FieldRule =
  | { type: 'integer'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'boolean' }
  | { type: 'text'; maxLength: number };

/** A rule for every field of a figure's settings `T`. */
export type SettingsSchema<T> = { readonly [K in keyof T]: FieldRule };

export const integer = (min: number, max: number): FieldRule => ({ type: 'integer', min, max });
export const number = (min: number, max: number): FieldRule => ({ type: 'number', min, max });
export const choice = (options: readonly string[]): FieldRule => ({ type: 'choice', options });
export const boolean: FieldRule = { type: 'boolean' };
export const text = (maxLength: number): FieldRule => ({ type: 'text', maxLength });

/**
 * `value` made to obey `rule`: numbers clamped into range (integers rounded), anything of the wrong type,
 * non-finite, or not among the allowed values replaced by `fallback`.
 */
export function fitField<V>(rule: FieldRule, value: unknown, fallback: V): V {
  switch (rule.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
      const clamped = Math.min(rule.max, Math.max(rule.min, value));
      return (rule.type === 'integer' ? Math.round(clamped) : clamped) as V;
    }
    case 'choice':
      return (typeof value === 'string' && rule.options.includes(value) ? value : fallback) as V;
    case 'boolean':
      return (typeof value === 'boolean' ? value : fallback) as V;
    case 'text':
      return (typeof value === 'string' ? value.slice(0, rule.maxLength) : fallback) as V;
  }
}

/**
 * Settings built from `value` (an object of any provenance: props, JSON from storage, URL values), each
 * field fitted to its rule, with `defaults` wherever a field is missing or unusable; other keys dropped.
 * `defaults` should itself obey the schema (see `fitSettings(schema, props, base)` for props).
 */
export function fitSettings<T extends object>(schema: SettingsSchema<T>, value: unknown, defaults: T): T {
  const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const fitted = { ...defaults };
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    if (key in source) fitted[key] = fitField(schema[key], source[key], defaults[key]);
  }
  return fitted;
}

/** The bounds of a numeric field, for its slider. */
export function rangeOf(rule: FieldRule): { min: number; max: number } {
  if (rule.type !== 'integer' && rule.type !== 'number') throw new Error('rangeOf needs a numeric field');
  return { min: rule.min, max: rule.max };
}
