import { compose, type TableKey } from './key';

/** A fixed-window counter of attempts (e.g. invite guesses), removed by TTL. */
export const RateWindow = {
  key: ({ action, who, window }: { action: string; who: string; window: number }): TableKey => ({ pk: compose('RATE', action, who, window), sk: 'META' }),
};
