import type { Role } from '@ledger/application';

/**
 * The people of the demo council, for the local sign-in of a trial. Their ids are the actors the demo
 * data was recorded by, so their notifications and history line up.
 */
export const LOCAL_USERS: readonly { readonly id: string; readonly name: string; readonly roles: readonly Role[]; readonly description: string }[] = [
  { id: 'commissioner-amrit', name: 'Amrit Kaur', roles: ['commissioner'], description: 'Commissioner: raises and manages placements' },
  { id: 'commissioner-bea', name: 'Bea Lewis', roles: ['commissioner'], description: 'Commissioner: raises and manages placements' },
  { id: 'finance-dana', name: 'Dana Okafor', roles: ['finance'], description: 'Finance officer: sets budgets, reads the returns and the forecast' },
  { id: 'manager-eve', name: 'Eve Marsh', roles: ['manager'], description: 'Head of service (manager): reads the weekly report' },
  { id: 'admin-sam', name: 'Sam Patel', roles: ['admin'], description: 'Administrator: looks after the scheduled jobs' },
  { id: 'demo-user', name: 'Demo user', roles: ['commissioner', 'finance', 'manager', 'admin'], description: 'Every role: commissioner, finance, manager and admin' },
];
