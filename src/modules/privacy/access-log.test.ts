import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { LANGUAGES, type Message } from '../../shared/i18n.js';
import { ACCESS_CHANNELS } from './access-log-channels.js';
import { accessChannelLabel, accessLogMessages } from './access-log-messages.js';
import type { AccessRow } from './access-log.repo.js';

const written: AccessRow[][] = [];
let refuse = 0;
vi.mock('./access-log.repo.js', () => ({
  insertAccessEntries: vi.fn(async (_db: Db, rows: AccessRow[]) => {
    if (rows.some((r) => r.objectId === 'poison')) throw Object.assign(new Error('value too long for type character(11)'), { code: '22001' });
    if (refuse > 0) {
      refuse--;
      throw new Error('database unreachable; Failing row contains (85073003328)');
    }
    written.push([...rows]);
  }),
}));
const { createAccessLog, listKey, LIST_REPEAT_WINDOW_MS } = await import('./access-log.js');
const DAY = '2026-12-07';

const clock = { today: () => '2026-12-07', now: () => new Date(), realToday: () => '2026-12-07', runWithToday: (_d: string, fn: () => unknown) => fn() } as unknown as Clock;
const entry = (n: number) => ({ organisationId: 'org', actor: { userId: `u${n}`, role: 'USER' }, channel: 'portal' as const, action: 'help-request.read', objectKind: 'help-request', objectId: `h${n}`, insz: '85073003328' });
const log = { error: vi.fn() };

beforeEach(() => {
  written.length = 0;
  refuse = 0;
  log.error.mockReset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the access log recorder: buffered, set-based, nothing lost silently (issue 24)', () => {
  it('writes nothing while the read runs, then the waiting rows in one statement after flushMs', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 100, log });
    accessLog.record([entry(1), entry(2)]);
    accessLog.record(entry(3));
    expect(written).toEqual([]);
    expect(accessLog.pending()).toBe(3);
    await vi.advanceTimersByTimeAsync(50);
    expect(written.map((b) => b.length)).toEqual([3]);
    expect(written[0]![0]).toMatchObject({ businessDate: '2026-12-07', actorUserId: 'u1', actorRole: 'USER', actorAccount: null, channel: 'portal', objectId: 'h1', insz: '85073003328' });
    expect(accessLog.pending()).toBe(0);
  });

  it('starts a write at once when maxRows wait', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 10_000, maxRows: 5, log });
    accessLog.record([1, 2, 3, 4, 5].map(entry));
    await vi.advanceTimersByTimeAsync(0);
    expect(written.map((b) => b.length)).toEqual([5]);
  });

  it('while the database fails, a full buffer waits for the back-off instead of trying again at every read', async () => {
    refuse = 1_000;
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 2, log });
    accessLog.record([entry(1), entry(2)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    for (let i = 3; i < 40; i++) accessLog.record(entry(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(accessLog.pending()).toBe(39);
  });

  it('keeps the rows when the database refuses, logs it, and writes them on a later try', async () => {
    refuse = 2;
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 100, log });
    accessLog.record([entry(1), entry(2)]);
    await vi.advanceTimersByTimeAsync(50);
    expect(written).toEqual([]);
    expect(accessLog.pending()).toBe(2);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.error.mock.calls)).not.toContain('85073003328');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(written.map((b) => b.map((r) => r.objectId))).toEqual([['h1', 'h2']]);
    expect(accessLog.pending()).toBe(0);
  });

  it('writes what is left on close; a machine actor is an account; off (the benchmark only) records nothing', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 10_000, maxRows: 100, log });
    accessLog.record({ ...entry(1), actor: { account: 'vendor-x' }, channel: 'vendor-api' });
    await accessLog.close();
    expect(written[0]![0]).toMatchObject({ actorUserId: null, actorRole: null, actorAccount: 'vendor-x', channel: 'vendor-api' });
    const off = createAccessLog({ db: {} as Db, clock, enabled: false });
    off.record(entry(2));
    expect(off.pending()).toBe(0);
  });

  it('leaves out only the row the database refuses for its data, logged without its INSZ, and writes the others', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 100, log });
    accessLog.record([entry(1), { ...entry(2), objectId: 'poison' }, entry(3)]);
    await accessLog.flush();
    expect(written.flat().map((r) => r.objectId)).toEqual(['h1', 'h3']);
    expect(accessLog.pending()).toBe(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![0]).toMatchObject({ code: '22001', objectId: 'poison' });
    expect(JSON.stringify(log.error.mock.calls)).not.toContain('85073003328');
  });

  it('writes a large burst in batches of at most 1,000 rows', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 10_000, maxRows: 5_000, log });
    accessLog.record(Array.from({ length: 2_500 }, (_, i) => entry(i)));
    await accessLog.flush();
    expect(written.map((b) => b.length)).toEqual([1_000, 1_000, 500]);
  });

  it('a list row shown again to the same reader within the window is one entry; after it, or to another reader, a new one', async () => {
    let t = 1_000_000;
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 100, log, now: () => t });
    const row = (n: number, user = 'u1') => ({ ...entry(n), actor: { userId: user, role: 'USER' }, action: 'help-request.list' });
    accessLog.record([row(1), row(2)]);
    t += LIST_REPEAT_WINDOW_MS - 1;
    accessLog.record([row(1), row(2), row(3)]);
    accessLog.record([row(1, 'u2')]);
    t += 1;
    accessLog.record([row(1)]);
    await accessLog.flush();
    expect(written.flat().map((r) => `${r.actorUserId}:${r.objectId}`)).toEqual(['u1:h1', 'u1:h2', 'u1:h3', 'u2:h1', 'u1:h1']);
  });

  it('a detail read, a download and an export are recorded every time', async () => {
    const accessLog = createAccessLog({ db: {} as Db, clock, flushMs: 50, maxRows: 100, log });
    for (const action of ['help-request.read', 'help-request.read', 'ebox-document.download', 'ebox-document.download', 'users.export', 'users.export']) accessLog.record({ ...entry(1), action });
    await accessLog.flush();
    expect(written.flat()).toHaveLength(6);
  });
});

describe('listKey: what makes a list read a repeat', () => {
  const base = { organisationId: 'o', actor: { userId: 'u', role: 'USER' }, channel: 'portal' as const, action: 'help-request.list', objectKind: 'help-request', objectId: 'h', insz: null };
  it.each([
    { name: 'a help-request list row', e: base, keyed: true },
    { name: 'an e-Box list row', e: { ...base, action: 'ebox-document.list' }, keyed: true },
    { name: 'a detail read', e: { ...base, action: 'help-request.read' }, keyed: false },
    { name: 'a list entry without an object', e: { ...base, objectId: null }, keyed: false },
    { name: 'an export', e: { ...base, action: 'users.export' }, keyed: false },
    { name: 'a mutation list row (the mutation itself)', e: { ...base, action: 'mutation.list' }, keyed: false },
    { name: "the vendor's forms list (the forms themselves)", e: { ...base, action: 'dossier-form.list' }, keyed: false },
  ])('$name: keyed $keyed', ({ e, keyed }) => {
    expect(listKey(e, DAY) !== null).toBe(keyed);
  });
  it('another business date is not a repeat', () => {
    expect(listKey(base, '2026-12-08')).not.toBe(listKey(base, DAY));
  });
  it.each([
    { name: 'another role', other: { ...base, actor: { userId: 'u', role: 'TB' } } },
    { name: 'another person', other: { ...base, actor: { userId: 'v', role: 'USER' } } },
    { name: 'an account', other: { ...base, actor: { account: 'u' } } },
    { name: 'another channel', other: { ...base, channel: 'vendor-api' as const } },
    { name: 'another organisation', other: { ...base, organisationId: 'p' } },
    { name: 'another object', other: { ...base, objectId: 'i' } },
    { name: 'another INSZ', other: { ...base, insz: '85073003328' } },
  ])('$name is not a repeat', ({ other }) => {
    expect(listKey(other, DAY)).not.toBe(listKey(base, DAY));
  });
});

describe('the labels of the channels (issue 24: the export and the page show no codes)', () => {
  it.each(ACCESS_CHANNELS.flatMap((channel) => LANGUAGES.map((lang) => [channel, lang] as const)))('%s has a label in %s', (channel, lang) => {
    const label = accessChannelLabel(channel);
    expect(typeof label).not.toBe('string');
    expect(accessLogMessages.text((label as Message).key as never, lang)).not.toBe(channel);
  });
});
