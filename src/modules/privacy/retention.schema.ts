/** Retention's HTTP contract (issue 24): the settings in force, per kind of data. Isomorphic (the web page uses it). */
import { z } from 'zod';

export const RetentionSetting = z
  .object({
    kind: z.string().meta({ description: 'The kind of data, e.g. help-requests, access-log' }),
    name: z.string().meta({ description: "The kind's name in the reader's language" }),
    days: z.number().int().meta({ description: 'Kept this many days (the operator’s value, or the default)' }),
    isDefault: z.boolean().meta({ description: 'True when the operator has not changed it' }),
    defaultDays: z.number().int(),
    minDays: z.number().int().meta({ description: 'The shortest retention that may be set (a legal minimum where there is one)' }),
    action: z.enum(['delete', 'pseudonymise']).meta({ description: 'What the daily purge does with expired rows' }),
    from: z.string().meta({ description: 'What the period counts from' }),
    reason: z.string().meta({ description: "Why the default is what it is, in the reader's language" }),
  })
  .meta({ id: 'RetentionSetting', description: 'How long one kind of personal data is kept, and why.' });

export const RetentionSettings = z
  .object({ kinds: z.array(RetentionSetting) })
  .meta({ id: 'RetentionSettings', description: 'Every kind of personal data the portal holds, with its retention (changed with `ocmw privacy retention set`).' });
export type RetentionSettings = z.infer<typeof RetentionSettings>;
