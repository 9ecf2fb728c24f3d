import { errorsView, formFieldOf, inFormWords } from './form-submission';

describe('refusals and field errors shown on a form', () => {
  it('puts the API field names a refusal mentions into the form’s words', () => {
    expect(inFormWords('£6,000.00 a week is outside the U4 band of £800.00–£5,000.00; record a rateException with a reason and who approved it'))
      .toBe('£6,000.00 a week is outside the U4 band of £800.00–£5,000.00; record an exception with a reason and who approved it');
    expect(inFormWords('Record an in-house search on or before the start date, or give an emergencyReason'))
      .toBe('Record an in-house search on or before the start date, or give an emergency reason');
  });

  it('names money fields without Pence and links date fields to their day box', () => {
    expect(formFieldOf('weeklyRatePence')).toBe('weeklyRate');
    expect(formFieldOf('provider.name')).toBe('provider.name');
    const view = errorsView([{ field: 'startDate', message: 'Enter the start date' }, { field: 'weeklyRate', message: 'Enter the rate' }], { labels: {}, dateFields: ['startDate'] });
    expect(view.summary).toEqual([{ text: 'Enter the start date', href: '#startDate-day' }, { text: 'Enter the rate', href: '#weeklyRate' }]);
    expect(view.fields).toEqual({ startDate: 'Enter the start date', weeklyRate: 'Enter the rate' });
  });
});
