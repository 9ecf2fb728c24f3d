import type { RuleCode } from '@ledger/domain';

/** Each business rule in plain English, with what the commissioner can do instead. */
export const RULE_GUIDANCE: Readonly<Record<string, { readonly name: string; readonly instead: string }>> = {
  'in-house-first': {
    name: 'In-house first',
    instead: 'Record an in-house search showing no suitable in-house option first, or, in an emergency, give the emergency reason (the search must then follow within 5 working days).',
  },
  'initial-term': { name: 'Four weeks initially', instead: 'Commission an initial term of 28 days or fewer; extend after the four-week review.' },
  'rate-band': { name: 'Rate band', instead: 'Enter a weekly rate within the band for this placement type, or give an exception reason and who approved it.' },
  'review-before-extension': { name: 'Review before extension', instead: 'Record the four-week review of the current term, with the outcome "extend", before extending.' },
  'placement-state': { name: 'Placement status', instead: 'Check the placement’s status and history below; this step does not apply to it now.' },
  'date-order': { name: 'Dates in order', instead: 'Check the dates: searches on or before the start, reviews within the placement and not in the future, ends on or after the start.' },
  'joint-funding': { name: 'Joint funding', instead: 'Name the contributor and give a share from 0.01% to 100%, with all shares together at most 100%.' },
  budget: { name: 'Budget', instead: 'Check the amount and the reason for the change.' },
};

export function ruleGuidance(rule: RuleCode | string): { name: string; instead: string } {
  return RULE_GUIDANCE[rule] ?? { name: rule, instead: 'Check what you entered and try again.' };
}
