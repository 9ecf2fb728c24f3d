/** The finance officers' and managers' pages: dashboard, returns, forecast movement, compliance, budgets. */
export const FINANCE_PAGES = [];
