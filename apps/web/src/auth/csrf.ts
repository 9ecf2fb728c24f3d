import { csrfSync } from 'csrf-sync';

/**
 * The synchroniser-token pattern (csrf-sync): one token per session, kept server-side in the session and
 * sent back by every form as `_csrf`. The guard checks it before any handler runs, so a forged POST
 * records nothing.
 */
export const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    return typeof body?._csrf === 'string' ? body._csrf : undefined;
  },
});
