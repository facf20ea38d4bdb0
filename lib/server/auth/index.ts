import "server-only";
// Auth.js (next-auth 5): email + password through the Credentials provider, JWT sessions in a secure,
// httpOnly cookie, users and accounts through the Prisma adapter. Who the user is and what they may touch is
// re-read from the database on every request (lib/server/authz.ts), so a role change or a disabled account
// takes effect at once, not when the token expires.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/server/db";
import { authSecret, secureCookies } from "@/lib/server/env";
import { clientIpFrom } from "@/lib/server/request";
import { signInSchema } from "@/lib/validation/account";
import { verifyCredentials } from "./credentials";

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  secret: authSecret(),
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
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
