import { resumeFanouts } from '../domain/fanout';
import { logger } from '../lib/log';

/**
 * Scheduled work (every minute on AWS; the local stack runs it at start and every few seconds):
 * finishes fan-outs that a crash or a timeout left half told.
 */
export const handler = async (): Promise<{ told: number }> => {
  const told = await resumeFanouts();
  if (told) logger.info('fan-outs resumed', { told });
  return { told };
};
