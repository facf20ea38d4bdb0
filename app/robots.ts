import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/server/env";

export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/account", "/coop", "/admin"] }], sitemap: absoluteUrl("/sitemap.xml") };
}
