import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain `N passed, N failed, N skipped` line that CI reads, as the last line.
 * Files that fail to load and unhandled errors count as failures, so nothing fails silently.
 * With OCMW_COUNT_FILE set it also appends the counts and the failed tests' names as JSON, for
 * scripts/run-tests.mjs, which lists them again just above its last line (a CI log shows only its end).
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failures: string[] = [];
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') {
          failed++;
          failures.push(`${mod.relativeModuleId} › ${test.fullName}: ${firstLine(test.result().errors?.[0]?.message)}`);
        }
        else skipped++;
      }
      // A file that failed to load, or failed in a hook, without any failed test.
      if (mod.state() === 'failed' && (tests === 0 || mod.errors().length > 0)) {
        failed++;
        failures.push(`${mod.relativeModuleId}: ${firstLine(mod.errors()[0]?.message)}`);
      }
    }
    failed += unhandledErrors.length;
    for (const e of unhandledErrors) failures.push(`unhandled error: ${firstLine((e as { message?: string })?.message)}`);
    if (process.env.OCMW_COUNT_FILE) {
      appendFileSync(process.env.OCMW_COUNT_FILE, `${JSON.stringify({ suite: 'vitest', passed, failed, skipped, failures })}\n`);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

/** The first line of an error message, short enough for the summary `npm test` prints last. */
function firstLine(message: string | undefined): string {
  return (message ?? 'no message').split('\n')[0]!.slice(0, 300);
}
