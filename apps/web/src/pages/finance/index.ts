import { BacktestPageController } from './backtest-page.controller';
import { BudgetsPagesController } from './budgets-pages.controller';
import { CompliancePageController } from './compliance-page.controller';
import { FinanceDashboardController } from './finance-dashboard.controller';
import { ForecastMovementController } from './forecast-movement.controller';
import { ReturnsPagesController } from './returns-pages.controller';

/** The finance officers' and managers' pages: dashboard, returns, forecast movement, compliance, budgets. */
export const FINANCE_PAGES = [FinanceDashboardController, ReturnsPagesController, ForecastMovementController, BacktestPageController, CompliancePageController, BudgetsPagesController];
