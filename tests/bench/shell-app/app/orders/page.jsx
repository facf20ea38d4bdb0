// The per-reader page: a static heading, and the reader's part behind a Suspense boundary (which Cache Components
// requires; the classic build streams it in the same response).
import { Suspense } from "react";
import { Orders } from "./list";
export default function Page() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">我的订单</h1>
      <Suspense fallback={<p aria-busy="true">加载中…</p>}>
        <Orders />
      </Suspense>
    </div>
  );
}
