"use client";
// The last resort, when the root layout itself failed: it replaces the whole document, so no provider or
// cookie-read locale is there. It loads the two catalogs' error texts on demand (a separate chunk, fetched
// only when this page shows) and says it in both languages. Never the exception's own text.
import { createTranslator } from "next-intl";
import { useEffect, useState } from "react";
import "./globals.css";

type Errors = { serverTitle: string; serverBody: string; retry: string; reference: string };
type Texts = { locale: "zh-CN" | "en"; t: (key: keyof Errors, values?: Record<string, string>) => string };

const texts = (locale: Texts["locale"], errors: Errors): Texts => {
  const t = createTranslator({ locale, messages: { errors }, namespace: "errors" });
  return { locale, t: (key, values) => t(key, values) };
};

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [both, setBoth] = useState<[Texts, Texts] | null>(null);
  useEffect(() => {
    void Promise.all([import("@/messages/zh-CN.json"), import("@/messages/en.json")]).then(([zh, en]) => setBoth([texts("zh-CN", zh.default.errors), texts("en", en.default.errors)]));
  }, []);
  return (
    <html lang="zh-CN">
      <body className="font-sans">
        <main role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
          {both?.map(({ locale, t }) => (
            <div key={locale} lang={locale} className="mb-8">
              <h1 className="text-2xl font-bold">{t("serverTitle")}</h1>
              <p className="mt-3 text-earth-600">{t("serverBody")}</p>
              {error.digest && <p className="mt-2 text-xs text-earth-600">{t("reference", { digest: error.digest })}</p>}
            </div>
          ))}
          {both && (
            <button type="button" onClick={reset} className="rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white">
              {both[0].t("retry")} · <span lang="en">{both[1].t("retry")}</span>
            </button>
          )}
        </main>
      </body>
    </html>
  );
}
