import * as assert from 'node:assert/strict';
import { addDays, answerTerm, ANSWER_TERM_DAYS, daysBetween, isIsoDate } from '../../../src/core/corpus/term';

describe('corpus: answering term', () => {
  it('date arithmetic in calendar days: leap years, month and year ends', () => {
    assert.equal(ANSWER_TERM_DAYS, 21);
    assert.equal(addDays('2024-01-29', 21), '2024-02-19');
    assert.equal(addDays('2024-02-10', 21), '2024-03-02'); // 2024 is a leap year
    assert.equal(addDays('2023-02-10', 21), '2023-03-03');
    assert.equal(addDays('2023-12-20', 21), '2024-01-10');
    assert.equal(addDays('2024-03-25', 21), '2024-04-15'); // across the change to summer time
    assert.equal(daysBetween('2024-01-29', '2024-02-16'), 18);
    assert.equal(daysBetween('2024-02-16', '2024-01-29'), -18);
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('29-02-2024'));
  });

  it('due 21 days after submission; the due day itself is in time (weekends do not matter)', () => {
    // Submitted on Monday 29 January 2024: due on Monday 19 February.
    const onDue = answerTerm({ submitted: '2024-01-29', received: '2024-02-19', notices: [], today: '2024-06-01' });
    assert.deepEqual(onDue, { status: 'answeredInTime', due: '2024-02-19', extensions: 0, lateNotices: 0, daysToAnswer: 21 });
    const dayLate = answerTerm({ submitted: '2024-01-29', received: '2024-02-20', notices: [], today: '2024-06-01' });
    assert.deepEqual(dayLate, {
      status: 'answeredLateWithoutPostponement', due: '2024-02-19', extensions: 0, lateNotices: 0, daysToAnswer: 22, daysOverdue: 1,
    });
    // Submitted on a Saturday: still 21 calendar days, due on a Saturday.
    assert.equal(answerTerm({ submitted: '2024-02-03', notices: [], today: '2024-02-03' }).due, '2024-02-24');
  });

  it('a notice sent within the term, on the due day included, extends it by 21 days', () => {
    const t = answerTerm({ submitted: '2024-01-29', received: '2024-03-11', notices: ['2024-02-19'], today: '2024-06-01' });
    assert.equal(t.status, 'answeredInTime');
    assert.equal(t.due, '2024-03-11');
    assert.equal(t.extensions, 1);
    const late = answerTerm({ submitted: '2024-01-29', received: '2024-03-12', notices: ['2024-02-19'], today: '2024-06-01' });
    assert.equal(late.status, 'answeredLate');
    assert.equal(late.daysOverdue, 1);
    assert.equal(late.daysToAnswer, 43);
  });

  it('a notice after the term extends nothing: late without postponement', () => {
    const t = answerTerm({ submitted: '2024-01-29', received: '2024-02-25', notices: ['2024-02-20'], today: '2024-06-01' });
    assert.equal(t.status, 'answeredLateWithoutPostponement');
    assert.equal(t.due, '2024-02-19');
    assert.equal(t.extensions, 0);
    assert.equal(t.lateNotices, 1);
  });

  it('one extension per notice: a second notice within the extended term extends it again', () => {
    const two = answerTerm({ submitted: '2024-01-29', received: '2024-04-01', notices: ['2024-03-05', '2024-02-10'], today: '2024-06-01' });
    assert.equal(two.due, '2024-04-01');
    assert.equal(two.extensions, 2);
    assert.equal(two.status, 'answeredInTime');
    // Two notices both in the first three weeks also extend twice.
    assert.equal(answerTerm({ submitted: '2024-01-29', notices: ['2024-02-01', '2024-02-10'], today: '2024-02-01' }).due, '2024-04-01');
    // The second notice came after the extended term: it does not count.
    const second = answerTerm({ submitted: '2024-01-29', received: '2024-04-01', notices: ['2024-02-10', '2024-03-12'], today: '2024-06-01' });
    assert.equal(second.due, '2024-03-11');
    assert.equal(second.extensions, 1);
    assert.equal(second.lateNotices, 1);
    assert.equal(second.status, 'answeredLate');
  });

  it('open questions: open up to the due day, open and overdue from the day after', () => {
    assert.deepEqual(answerTerm({ submitted: '2024-01-29', notices: [], today: '2024-02-19' }), { status: 'open', due: '2024-02-19', extensions: 0, lateNotices: 0 });
    assert.deepEqual(answerTerm({ submitted: '2024-01-29', notices: [], today: '2024-02-20' }), {
      status: 'openOverdue', due: '2024-02-19', extensions: 0, lateNotices: 0, daysOverdue: 1,
    });
    assert.equal(answerTerm({ submitted: '2024-01-29', notices: ['2024-02-15'], today: '2024-03-01' }).status, 'open');
    assert.equal(answerTerm({ submitted: '2024-01-29', notices: ['2024-02-15'], today: '2024-03-12' }).status, 'openOverdue');
  });

  it('undetermined without a submission date, or with an answer without a date; a notice without a date extends nothing', () => {
    assert.equal(answerTerm({ received: '2024-02-19', notices: [], today: '2024-06-01' }).status, 'undetermined');
    assert.equal(answerTerm({ submitted: 'gisteren', notices: [], today: '2024-06-01' }).status, 'undetermined');
    const t = answerTerm({ submitted: '2024-01-29', received: '2024-03-01', notices: [undefined], today: '2024-06-01' });
    assert.equal(t.status, 'answeredLateWithoutPostponement');
    assert.equal(t.lateNotices, 1);
    // An answer without a date of receipt: neither open nor in time nor late.
    assert.deepEqual(answerTerm({ submitted: '2024-01-29', answered: true, notices: [], today: '2024-06-01' }), {
      status: 'undetermined', due: '2024-02-19', extensions: 0, lateNotices: 0,
    });
    assert.throws(() => answerTerm({ submitted: '2024-01-29', notices: [], today: '1 maart 2024' }), /ISO date/);
  });
});
