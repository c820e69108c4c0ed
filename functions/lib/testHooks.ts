import { config } from './config';

/**
 * Reliability tests stop the local stack at a named point (TEST_PAUSE_AT=point,point…) so they can
 * kill it exactly there with kill -9. Only on the local stage; everywhere else this does nothing.
 */
export async function pauseForTests(point: string): Promise<void> {
  if (!config().isLocal || !process.env.TEST_PAUSE_AT?.split(',').includes(point)) return;
  await new Promise(() => {});
}
