import "server-only";
// Auth.js (next-auth 5): email + password through the Credentials provider, JWT sessions in a secure,
// httpOnly cookie, users and accounts through the Prisma adapter. Who the user is and what they may touch is
// re-read from the database on every request (lib/server/authz.ts), so a role change or a disabled account
// takes effect at once, not when the token expires.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/server/db";
import { authSecret, env, secureCookies } from "@/lib/server/env";
import { clientIpFrom } from "@/lib/server/request";
import { signInSchema } from "@/lib/validation/account";
import { verifyCredentials } from "./credentials";
import { checkToken, revokeToken, stampToken, VERSION_CLAIM } from "./session-version";

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

// Auth.js takes its own address only from AUTH_URL (next-auth's reqWithEnvURL, @auth/core's createActionURL); without
// it, it builds URLs from X-Forwarded-Proto/-Host or Host: `https,http` or `\` made every session read throw
// "Invalid URL", and its redirects named http://localhost:PORT. It has no config option for this, so SITE_URL's
// origin is handed to it here, before NextAuth() reads it; an AUTH_URL set by hand is overridden (one rule).
process.env.AUTH_URL = new URL(env.SITE_URL).origin;

// No `auth` export: the session is read by getSessionUser (lib/server/auth/session-token.ts says why).
export const { handlers, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  secret: authSecret(),
  // The host is not read from the request: AUTH_URL (above) replaces the request's origin before Auth.js runs.
  trustHost: true,
  // The app's one rule for cookie `secure` (SITE_URL is https), not the protocol each request arrived on.
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Reached from the sign-in server action and from a direct POST to /api/auth/callback/credentials:
      // both are throttled and audited here.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, clientIpFrom(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    // A token from before a sign-out, password reset or "sign out of all devices" (or of a disabled account)
    // is refused here: Auth.js then clears the cookie and /api/auth/session answers null. Pages, actions and routes
    // read the session through getSessionUser (lib/server/authz.ts), which applies the same check.
    async jwt({ token, user }) {
      if (user?.id) return stampToken(db, token, user.id);
      return checkToken(token);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token[VERSION_CLAIM] === "number") session.sessionVersion = token[VERSION_CLAIM];
      return session;
    },
  },
  events: {
    // Auth.js's own sign-out endpoint clears only the cookie; a copy of it must die too.
    async signOut(message) {
      if ("token" in message) await revokeToken(db, message.token);
    },
  },
});
