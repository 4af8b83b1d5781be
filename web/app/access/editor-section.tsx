import type { ReactNode } from "react";
import { Card } from "../../ui/card";

/** One area of the grant editor: a card with a heading (a landmark named by it) and a short intro. */
export function EditorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Card className="flex min-w-0 flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {intro ? <p className="text-sm text-slate-600">{intro}</p> : null}
        </div>
        {children}
      </Card>
    </section>
  );
}
