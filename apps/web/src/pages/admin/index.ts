import { JobsPagesController } from './jobs.controller';
import { NotificationsPagesController } from './notifications.controller';
import { ReportsPagesController } from './reports.controller';

/** Reports as issued, the admins' jobs page, and everyone's notifications. */
export const ADMIN_PAGES = [ReportsPagesController, JobsPagesController, NotificationsPagesController];
