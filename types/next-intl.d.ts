import type { formats, Locale } from "@/lib/i18n/config";
import type zh from "@/messages/zh-CN.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof zh;
    Formats: typeof formats;
  }
}
