import { HomeTemplate } from "@/components/catalog/templates/home-template";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getHome } from "@/lib/server/queries/catalog-cached";

type Props = { params: Promise<{ locale: string }> };

// Rendered once per language and served from the cache (lib/server/cached-page.ts).
export const dynamic = "error";

export default async function HomePage({ params }: Props) {
  const home = await getHome(await cachedPageLocale(params));
  return <HomeTemplate home={home} />;
}
