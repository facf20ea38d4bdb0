export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-md rounded-2xl bg-white p-5 shadow-sm sm:p-8">{children}</div>;
}
