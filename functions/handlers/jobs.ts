import { resumeFanouts } from '../domain/fanout';
import { sendDueReminders } from '../domain/proposals/reminders';
import { logger } from '../lib/log';

/**
 * Scheduled work (every minute on AWS; the local stack runs it at start and every few seconds):
 * finishes fan-outs that a crash or a timeout left half told, and sends the reminders of proposals'
 * deadlines (督办: before the deadline and once it has passed, each exactly once).
 */
export const handler = async (): Promise<{ told: number; reminded: number }> => {
  const told = await resumeFanouts();
  if (told) logger.info('fan-outs resumed', { told });
  const reminded = await sendDueReminders();
  if (reminded) logger.info('proposal reminders sent', { reminded });
  return { told, reminded };
};
