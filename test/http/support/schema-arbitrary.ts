import fc from 'fast-check';

/** The parts of JSON Schema the OpenAPI document's inputs use (TypeBox's output). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** List cursors as a forger writes them. */
export const FORGED_CURSORS = [
  base64url([1e30, 1e20]),
  base64url(['x', 1.5]),
  base64url(['\u0000', 1]),
  base64url([null, -1]),
  base64url({ a: 1 }),
  base64url([1e20]),
  '%%%not-base64%%%',
  'AAAA',
];

/** Values no schema wants: NUL, unpaired surrogates, very long text, huge and negative numbers, NaN-like strings, wrong types. */
export const NASTY: readonly unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  'x'.repeat(100_000),
  1e30,
  1e20,
  '99999999999999999999',
  -1,
  -1e20,
  0.5,
  'NaN',
  'Infinity',
  '-0',
  '1e30',
  '',
  ' ',
  '\u200b',
  null,
  true,
  [],
  {},
  "'; drop table complaints; --",
  ...FORGED_CURSORS,
];

const nasty = fc.constantFrom(...NASTY);

function text(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date')
    return fc
      .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2099-12-31') })
      .map((d) => d.toISOString().slice(0, 10));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  const plain = fc.string({ minLength, maxLength, unit: 'grapheme' });
  if (!schema.pattern) return plain;
  try {
    return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), plain);
  } catch {
    return plain;
  }
}

function number(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000_000;
  const minExcluded = schema.minimum === undefined && schema.exclusiveMinimum !== undefined;
  const maxExcluded = schema.maximum === undefined && schema.exclusiveMaximum !== undefined;
  return integer
    ? fc.integer({
        min: Math.ceil(min) + (minExcluded ? 1 : 0),
        max: Math.floor(max) - (maxExcluded ? 1 : 0),
      })
    : fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
}

/**
 * Inputs shaped by the schema. With `breaking`, any value at any depth may instead be one of NASTY,
 * a required property may be left out and an unknown one added.
 */
export function fromSchema(schema: Schema, breaking: boolean, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, breaking, depth);
  return breaking ? fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: nasty, weight: 1 }) : shaped;
}

function shapedBy(schema: Schema, breaking: boolean, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf?.length) return fc.oneof(...schema.anyOf.map((s) => fromSchema(s, breaking, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return text(schema);
    case 'integer':
      return number(schema, true);
    case 'number':
      return number(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      return fc.array(fromSchema(schema.items ?? {}, breaking, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return object(schema, breaking, depth);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

function object(schema: Schema, breaking: boolean, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant({});
  const properties = Object.entries(schema.properties ?? {});
  const shape = Object.fromEntries(properties.map(([key, s]) => [key, fromSchema(s, breaking, depth + 1)]));
  const required = breaking ? [] : (schema.required ?? []);
  const record = fc.record(shape, { requiredKeys: required.filter((k) => k in shape) });
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          fc.string({ maxLength: 10 }),
          fromSchema(schema.additionalProperties, breaking, depth + 1),
          {
            maxKeys: 3,
          },
        )
      : breaking
        ? fc.dictionary(fc.constantFrom('unknown', '\u0000', '__proto__', 'constructor'), nasty, {
            maxKeys: 1,
          })
        : fc.constant({});
  return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
}
