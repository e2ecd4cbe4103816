/** @module The Hono environment every route shares: who is asking. */
import type { Role } from '../db/schema';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

export interface AppEnv {
  Variables: {
    /** Set by the session middleware; null when nobody is signed in. */
    user: AuthUser | null;
  };
}
