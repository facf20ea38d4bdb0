// The static shell alone: what a cached page with its reader's part fetched by the browser serves to everyone.
export default function Page() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">我的订单</h1>
      <p aria-busy="true">加载中…</p>
    </div>
  );
}
