/**
 * Closes the engine suite's output with one plain line, `engines: N passed,
 * N failed` (and `, N skipped` when some were), which CI reads as the count.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private readonly started = Date.now();

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      // A file that failed to load or whose beforeAll threw has failed, even with no test counted.
      if (module.state() === 'failed' && [...module.children.allTests()].every((t) => t.result().state !== 'failed')) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    failed += unhandledErrors.length;
    const files = testModules.map((m) => `${m.moduleId.split('/').pop() ?? ''} ${(m.diagnostic().duration / 1000).toFixed(0)} s`).join(', ');
    process.stdout.write(`\nengine suite: ${((Date.now() - this.started) / 1000).toFixed(0)} s (${files})\n`);
    process.stdout.write(`engines: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
