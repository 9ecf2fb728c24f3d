import { contributorsSuggestedBy } from './need-contributors';

describe('the contributors a placement’s recorded needs suggest', () => {
  // The needs the demo ledger records (libs/application/src/demo/providers.ts), each judged by hand.
  it.each([
    ['disability: complex health needs', ['health']],
    ['therapeutic placement', ['health']],
    ['emotional and behavioural support', ['health']],
    ['Mental health (CAMHS)', ['health']],
    ['education support', ['education']],
    ['staying local for school', ['education']],
    ['SEND: EHCP in place', ['education']],
    ['learning disability', ['health', 'education']],
    ['sibling group placement', []],
    ['risk of child sexual exploitation', []],
    ['unaccompanied asylum-seeking child', []],
    ['contact with birth family', []],
    ['preschool-aged sibling', []],
  ])('%s → %j', (need, contributors) => {
    expect([...contributorsSuggestedBy([need]).keys()]).toEqual(contributors);
  });

  it('gives each contributor the needs that suggest it', () => {
    expect(Object.fromEntries(contributorsSuggestedBy(['education support', 'therapeutic placement', 'staying local for school', 'contact with birth family'])))
      .toEqual({ health: ['therapeutic placement'], education: ['education support', 'staying local for school'] });
  });
});
