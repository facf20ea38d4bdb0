"use client";
import { useEffect } from "react";
import { useClientMessages } from "@/components/layout/client-messages";

export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { errors } = useClientMessages();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{errors.serverTitle}</h1>
      <p className="mt-3 text-earth-600">{errors.serverBody}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white">
        {errors.retry}
      </button>
    </div>
  );
}
