// A shop's frame, made up: a header with 40 links and a footer of 96, about 20 KB of HTML, the same on every page.
const links = Array.from({ length: 40 }, (_, i) => ({ href: `/section-${i}`, label: `栏目 ${i} 唐县好物` }));
export function Header() {
  return (
    <header className="border-b border-earth-100 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-2 px-4 py-3 sm:gap-x-4">
        <a href="/" className="flex min-w-0 flex-1 basis-0 flex-col leading-tight">唐县好物 · 北京朝阳对口帮扶</a>
        <nav aria-label="主导航" className="flex flex-wrap gap-2 text-sm font-medium">
          {links.map((l) => (
            <a key={l.href} href={l.href} className="rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">{l.label}</a>
          ))}
        </nav>
      </div>
    </header>
  );
}
export function Footer() {
  return (
    <footer className="mt-12 border-t border-earth-100 bg-earth-50 text-sm text-earth-700">
      {Array.from({ length: 8 }, (_, c) => (
        <section key={c} className="mx-auto max-w-6xl px-4 py-6">
          <h2 className="font-semibold">关于我们 {c}</h2>
          <ul className="mt-2 space-y-1">
            {Array.from({ length: 12 }, (_, i) => (
              <li key={i}><a className="hover:text-wine-700 underline-offset-2" href={`/about/${c}/${i}`}>消费扶贫说明第 {c}.{i} 条：每一分钱都能追溯到合作社和建档立卡户</a></li>
            ))}
          </ul>
        </section>
      ))}
    </footer>
  );
}
