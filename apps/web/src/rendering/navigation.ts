import type { Role } from '@ledger/application';

interface NavItem {
  readonly text: string;
  readonly href: string;
  readonly roles: readonly Role[];
}

/** What each role sees in the service navigation: only the pages it may use. */
const NAVIGATION: readonly NavItem[] = [
  { text: 'Placements', href: '/placements', roles: ['commissioner', 'finance', 'manager', 'admin'] },
  { text: 'Renewals', href: '/renewals', roles: ['commissioner', 'manager'] },
  { text: 'Finance', href: '/finance', roles: ['finance', 'manager'] },
  { text: 'Returns', href: '/returns/weekly', roles: ['finance', 'manager'] },
  { text: 'Budgets', href: '/budgets', roles: ['finance'] },
  { text: 'Compliance', href: '/compliance', roles: ['commissioner', 'finance', 'manager'] },
  { text: 'Opportunities', href: '/opportunities', roles: ['commissioner', 'finance'] },
  { text: 'Sufficiency', href: '/sufficiency', roles: ['manager', 'finance', 'commissioner'] },
  { text: 'Reports', href: '/reports', roles: ['finance', 'manager', 'admin'] },
  { text: 'Jobs', href: '/jobs', roles: ['admin'] },
  { text: 'Notifications', href: '/notifications', roles: ['commissioner', 'finance', 'manager', 'admin'] },
];

export function navigationFor(roles: readonly Role[], currentPath: string) {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role))).map((item) => ({
    text: item.text,
    href: item.href,
    active: currentPath === item.href || currentPath.startsWith(`${item.href}/`) || (item.href.startsWith('/returns') && currentPath.startsWith('/returns')),
  }));
}
