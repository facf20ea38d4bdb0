import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { ProductEditor } from "@/components/coop/product-editor";
import { PageHeader, Section } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { productEditorOptions } from "@/lib/server/queries/coop-products";

type Props = { searchParams: Promise<{ c?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("productEditor.newTitle"), robots: { index: false } };
}

/** A new product (a draft) for one of the manager's cooperatives: ?c=<cooperativeId>, asked for when they have several. */
export default async function NewProductPage({ searchParams }: Props) {
  const { c } = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  if (!c) {
    const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/products/new");
    if (user.cooperativeIds.length > 1) {
      const coops = await listManagedCooperatives(db, { cooperativeIds: user.cooperativeIds });
      return (
        <div className="space-y-4">
          <PageHeader title={t("productEditor.newTitle")} lead={t("productEditor.chooseCooperative")} />
          <ul className="space-y-2">
            {coops.map((coop) => (
              <li key={coop.id}>
                <Link href={`/coop/products/new?c=${coop.id}`} className="block rounded-2xl bg-white p-4 font-medium shadow-sm hover:text-wine-700">
                  {named(coop, locale)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      );
    }
  }
  const one = Array.isArray(c) ? c[0] : c;
  const { scope } = await guardCooperativePage(c, one ? `/coop/products/new?c=${encodeURIComponent(one)}` : "/coop/products/new");
  const options = await productEditorOptions(db, scope);
  if (!options) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("productEditor.newTitle")} subtitle={named(options.cooperative, locale)} lead={t("productEditor.newLead")} />
      <Section>
        <ProductEditor cooperativeId={scope.cooperativeId} categories={options.categories} villages={options.villages} />
      </Section>
    </div>
  );
}
