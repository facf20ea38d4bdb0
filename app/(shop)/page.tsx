import { HomeTemplate } from "@/components/catalog/templates/home-template";
import { getLocale } from "@/lib/server/i18n";
import { getHome } from "@/lib/server/queries/catalog-cached";

export default async function HomePage() {
  const home = await getHome(await getLocale());
  return <HomeTemplate home={home} />;
}
