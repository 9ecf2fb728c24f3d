/** Reports as issued, the admins' jobs page, and everyone's notifications. */
export const ADMIN_PAGES = [];
