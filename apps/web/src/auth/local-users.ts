import type { Role } from '@ledger/application';

/**
 * The people of the demo council, for the local sign-in of a trial. Their ids are the actors the demo
 * data was recorded by, so their notifications and history line up.
 */
export const LOCAL_USERS: readonly { readonly id: string; readonly name: string; readonly roles: readonly Role[]; readonly description: string }[] = [
  { id: 'commissioner-amrit', name: 'Amrit (commissioner)', roles: ['commissioner'], description: 'Raises and manages placements' },
  { id: 'commissioner-bea', name: 'Bea (commissioner)', roles: ['commissioner'], description: 'Raises and manages placements' },
  { id: 'finance-dana', name: 'Dana (finance officer)', roles: ['finance'], description: 'Sets budgets, reads the returns and the forecast' },
  { id: 'manager-eve', name: 'Eve (head of service)', roles: ['manager'], description: 'Reads the weekly report' },
  { id: 'admin-sam', name: 'Sam (administrator)', roles: ['admin'], description: 'Looks after the scheduled jobs' },
  { id: 'demo-user', name: 'Demo user (every role)', roles: ['commissioner', 'finance', 'manager', 'admin'], description: 'Sees everything' },
];
