import type { PlacementStatus as StateStatus } from '@ledger/domain';
import type { PlacementStatus } from '@ledger/projections';

/** A GOV.UK tag: the words carry the meaning, the colour only repeats it. */
export interface Tag {
  readonly text: string;
  readonly classes: string;
}

export const STATUS_TAGS: Readonly<Record<PlacementStatus, Tag>> = {
  requested: { text: 'Requested', classes: 'govuk-tag--blue' },
  'matched-in-house': { text: 'Met in-house', classes: 'govuk-tag--green' },
  commissioned: { text: 'Commissioned', classes: 'govuk-tag--turquoise' },
  ended: { text: 'Ended', classes: 'govuk-tag--grey' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

/** The folded state's status as the list names it. */
export function listStatusOf(status: Exclude<StateStatus, 'Initial'>): PlacementStatus {
  switch (status) {
    case 'Requested': return 'requested';
    case 'MatchedInHouse': return 'matched-in-house';
    case 'Commissioned': return 'commissioned';
    case 'Ended': return 'ended';
    case 'Withdrawn': return 'withdrawn';
    default: {
      const unreachable: never = status;
      throw new Error(`Unknown status ${String(unreachable)}`);
    }
  }
}

export const OFSTED_GRADES: Readonly<Record<string, string>> = {
  outstanding: 'Outstanding', good: 'Good', 'requires-improvement': 'Requires improvement', inadequate: 'Inadequate', 'not-yet-inspected': 'Not yet inspected',
};

/** Uuid v4, as the API's ParseUUIDPipe accepts: anything else is no placement (a 404 page). */
export const isPlacementId = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value);
