import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user's session version the token was issued under (lib/server/auth/session-version.ts). */
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** Session version at sign-in (VERSION_CLAIM). */
    sv?: number;
  }
}
