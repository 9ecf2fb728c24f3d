import type { Role } from '@ledger/application';

/** Who is signed in to the web pages: the same id and roles a bearer token would carry. */
export interface WebUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** `local` for the demo chooser, else the OIDC issuer. */
  readonly signedInWith: string;
  /** Epoch milliseconds; the absolute timeout counts from here. */
  readonly signedInAt: number;
}

declare module 'express-session' {
  interface SessionData {
    user?: WebUser;
    /** Between /sign-in and /auth/callback: PKCE verifier, state and nonce, and where to go after. */
    oidc?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
    /** A one-time message for the next page (a GOV.UK success banner). */
    flash?: { heading: string; body?: string };
    /** A commission waiting on its check-your-answers page. */
    pendingCommission?: { placementId: string; fields: Record<string, string>; body: Record<string, unknown> };
  }
}

/** Readers of placements and figures: every signed-in role but the machine's. */
export const READER_ROLES: readonly Role[] = ['commissioner', 'finance', 'manager', 'admin'];

/** The role a user acts in on a page: the first of theirs that the page allows, as the API chooses. */
export function actingRole(user: WebUser, allowed: readonly Role[]): Role | undefined {
  return user.roles.find((role) => allowed.includes(role));
}
