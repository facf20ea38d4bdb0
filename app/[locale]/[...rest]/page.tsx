import { notFound } from "next/navigation";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

// Every URL reaches the app as /<locale><path> (proxy.ts); one that matches no page renders the locale's
// not-found page inside its root layout, in the reader's language.
export default function UnknownPage() {
  notFound();
}
