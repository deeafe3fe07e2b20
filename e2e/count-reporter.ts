import { appendFileSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';

type Verdict = 'passed' | 'failed' | 'skipped';

/** The final verdict of a test over its retries: flaky-then-passed is passed; timeouts and interruptions fail. */
function verdictOf(test: TestCase, results: TestResult[]): Verdict {
  const last = results.at(-1);
  if (!last) return 'skipped';
  if (last.status === 'timedOut' || last.status === 'interrupted') return 'failed';
  if (last.status === 'skipped') return 'skipped';
  return last.status === test.expectedStatus ? 'passed' : 'failed';
}

/**
 * Appends `{"suite":"playwright","passed":N,"failed":N,"skipped":N}` to the file named by
 * OCMW_COUNT_FILE, so CI reads one line per suite. Errors outside tests (a spec that fails to
 * load, a web server that does not start) count as failures.
 */
export class CountReporter implements Reporter {
  private readonly results = new Map<TestCase, TestResult[]>();
  private outsideErrors = 0;

  onBegin(_config: FullConfig, suite: Suite): void {
    // Tests that never get to run (maxFailures, an interrupted run) still count, as skipped.
    for (const test of suite.allTests()) this.results.set(test, []);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const list = this.results.get(test) ?? [];
    list.push(result);
    this.results.set(test, list);
  }

  onError(_error: TestError): void {
    this.outsideErrors += 1;
  }

  onEnd(_result: FullResult): void {
    const counts = { passed: 0, failed: this.outsideErrors, skipped: 0 };
    const failures: string[] = [];
    for (const [test, results] of this.results) {
      const verdict = verdictOf(test, results);
      counts[verdict] += 1;
      if (verdict === 'failed') {
        const message = results.at(-1)?.error?.message ?? results.at(-1)?.status ?? 'no result';
        failures.push(`${test.location.file.split('/').slice(-2).join('/')} › ${test.title}: ${message.split('\n')[0]!.slice(0, 300)}`);
      }
    }
    const file = process.env.OCMW_COUNT_FILE;
    if (file) appendFileSync(file, `${JSON.stringify({ suite: 'playwright', ...counts, failures })}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

// Playwright loads reporters through their default export.
export default CountReporter;
