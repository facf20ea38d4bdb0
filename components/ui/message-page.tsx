import Link from "next/link";

/** A full-page message with a way home: 404, 403. */
export function MessagePage({ title, body, homeLabel }: { title: string; body: string; homeLabel: string }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-earth-600">{body}</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white">
        {homeLabel}
      </Link>
    </div>
  );
}
