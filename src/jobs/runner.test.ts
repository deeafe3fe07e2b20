import { describe, expect, it } from 'vitest';
import { cronOf, JOBS, type JobName } from './runner.js';

describe('job schedules', () => {
  // Minute and hour of each job's schedule (Europe/Brussels); all of them every day.
  const expected: Record<JobName, [string, string]> = {
    certificateExpiry: ['0', '6'],
    onlineReminders: ['0', '7'],
    eboxNotifications: ['30', '1'],
    mergerCutover: ['5', '0'],
    retentionPurge: ['45', '2'],
    housekeeping: ['*/15', '*'],
  };
  it.each(Object.keys(JOBS) as JobName[])('runs %s on its schedule, or every minute when the test mode asks', (job) => {
    expect(cronOf(job)).toBe(JOBS[job].cron);
    expect(cronOf(job).split(' ')).toEqual([...expected[job], '*', '*', '*']);
    expect(cronOf(job, true)).toBe('* * * * *');
  });
});
