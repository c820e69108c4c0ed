import { randomUUID } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One id per run, inherited by the workers: test files of the build project share one weapp build
// (tests/support/weapp/build.ts) instead of each making its own.
process.env.STAFFHOME_TEST_RUN ??= randomUUID();
// Tests run the local stage (dev secret, /dev fixtures); tests of other stages set STAGE themselves.
process.env.STAGE ??= 'local';

/**
 * One runner for every test. Projects:
 *  - unit: pure rules, policy table, clients (beside their code) and the DynamoDB emulator
 *  - api: the real local API as a child process, driven over HTTP as the contract says
 *  - build: serverless package and the mini-program builds (weapp: also WeChat's compilers and a sandbox)
 *  - e2e: Debian's chromium against the H5 build and the local API
 */
export default defineConfig({
  test: {
    // One file at a time: the API, the builds and the browser share two cores.
    fileParallelism: false,
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      // The mini-program's own unit tests (jsdom, Taro mocked): miniapp/vitest.config.ts
      './miniapp/vitest.config.ts',
      {
        test: {
          name: 'unit',
          fileParallelism: false,
          include: ['shared/**/*.test.ts', 'functions/**/*.test.ts', 'local/**/*.test.ts', 'tests/dynamodb/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          fileParallelism: false,
          include: ['tests/api/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
          globalSetup: ['./tests/support/apiGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'build',
          fileParallelism: false,
          // tests/support/weapp: the weapp sandbox's own tests, beside its code (they share the build).
          include: ['tests/build/**/*.test.ts', 'tests/support/weapp/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['./tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
