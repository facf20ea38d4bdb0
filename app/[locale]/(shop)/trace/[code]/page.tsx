import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TraceView } from "@/components/trace/trace-view";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { getTraceFacts } from "@/lib/server/queries/trace";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

// One read per request, shared by the page and its metadata.
const facts = cache((code: string) => getTraceFacts(db, code));

// Not indexed: the codes are printed on bottles and cans, and an index of them would let anyone print a label
// that passes for a real batch. Links from the page (product, village, cooperative) are followed.
const robots = { index: false, follow: true };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ code }, t, locale] = await Promise.all([params, getT(), getLocale()]);
  const f = await facts(code);
  if (!f) return { title: t("trace.notFoundTitle"), robots };
  return { title: t("trace.metaTitle", { name: locale === "en" ? f.product.nameEn : f.product.nameZh, lot: f.batch.lotNumber }), robots };
}

/** The public origin page of a production batch, opened from the QR code on its label. Anyone may read it. */
export default async function TracePage({ params }: Props) {
  const { code } = await params;
  const f = await facts(code);
  if (!f) notFound();
  return <TraceView facts={f} />;
}
