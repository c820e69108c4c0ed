import { describe, expect, it } from 'vitest';
import { reminderDue, REMIND_BEFORE_MS } from './reminders';

describe('which reminder a deadline needs', () => {
  const dueAt = '2027-05-10T17:00:00+08:00';
  const due = Date.parse(dueAt);
  it('none while the deadline is far; the early one within the window; the passed one at the deadline', () => {
    expect(reminderDue({ dueAt }, due - REMIND_BEFORE_MS - 1)).toBeUndefined();
    expect(reminderDue({ dueAt }, due - REMIND_BEFORE_MS)).toBe('remindedBefore');
    expect(reminderDue({ dueAt }, due - 1)).toBe('remindedBefore');
    expect(reminderDue({ dueAt }, due)).toBe('remindedPassed');
  });
  it('each once: a marker set means that reminder is done', () => {
    expect(reminderDue({ dueAt, remindedBefore: 'x' }, due - 1000)).toBeUndefined();
    expect(reminderDue({ dueAt, remindedBefore: 'x' }, due + 1000)).toBe('remindedPassed');
    expect(reminderDue({ dueAt, remindedPassed: 'x' }, due + 1000)).toBeUndefined();
    // A deadline already past when it was set gets only the passed reminder, never a "soon" one.
    expect(reminderDue({ dueAt }, due + 86_400_000)).toBe('remindedPassed');
  });
});
