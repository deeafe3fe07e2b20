import { sql, type SQL } from 'drizzle-orm';

/**
 * A PostgreSQL array as ONE parameter. Drizzle writes a JS array in a `sql` template as a list of
 * parameters (`$1, $2, …`), which is a new statement text for every length and a parameter per
 * value to bind; a set-based statement wants one array: `unnest(${pgArray(ids, 'uuid')})` or
 * `= any(${pgArray(names, 'text')})`. Each element is quoted and escaped as an array literal
 * wants it (`"` and `\`), and `null` is SQL NULL, so any text is safe in it.
 */
export type PgArrayType = 'text' | 'uuid' | 'date' | 'timestamptz' | 'bpchar' | 'int' | 'bigint';

export function pgArrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

export function pgArray(values: readonly (string | number | null | undefined)[], type: PgArrayType): SQL {
  return sql`${pgArrayLiteral(values)}::${sql.raw(type)}[]`;
}
