import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";

/** One of the persons an invitation over a shared address reaches. */
export type InvitedPerson = ClientInvitationPreview["persons"][number];

/**
 * Registration over a shared address (PORTAL-1): several persons use the email the invitation went
 * to (a family's address), so before the password the page asks which of them is registering — their
 * names as large radio choices. The chosen person is the one the new access is linked to.
 */
export function ClientInvitePersonStep({
  preview,
  chosen,
  onChosen,
}: {
  preview: ClientInvitationPreview;
  chosen: InvitedPerson | undefined;
  onChosen: (person: InvitedPerson) => void;
}) {
  const { t } = useTranslation();
  const context = preview.salutation;
  const errorId = useId();
  const [selected, setSelected] = useState(chosen?.id ?? "");
  const [missing, setMissing] = useState(false);
  const group = useRef<HTMLFieldSetElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = preview.persons.find((p) => p.id === selected);
    if (person) onChosen(person);
    else {
      setMissing(true);
      // Keyboard and screen-reader users land on the choice that is missing.
      group.current?.querySelector("input")?.focus();
    }
  };
  return (
    <Card className="flex flex-col gap-4" data-testid="person-step">
      <PageHeading className="text-3xl break-words">{t("invite.client.welcomeShared")}</PageHeading>
      <p>
        {t("invite.client.sharedIntro", { context, email: preview.email ?? "", firm: preview.firm.name })}
      </p>
      <form noValidate onSubmit={submit} className="flex flex-col gap-5">
        <fieldset
          ref={group}
          className="flex flex-col gap-2"
          aria-describedby={missing ? errorId : undefined}
          aria-invalid={missing || undefined}
        >
          <legend className="mb-2 text-xl font-semibold text-slate-900">
            {t("invite.client.whoIsRegistering", { context })}
          </legend>
          {preview.persons.map((person) => (
            <label
              key={person.id}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-4 py-2 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="person"
                value={person.id}
                checked={selected === person.id}
                onChange={() => {
                  setSelected(person.id);
                  setMissing(false);
                }}
                className="size-6 shrink-0 accent-brand-700"
              />
              <span className="break-words text-slate-900">{person.name}</span>
            </label>
          ))}
          {missing ? (
            <p id={errorId} className="text-base text-red-800">
              {t("invite.client.whoMissing", { context })}
            </p>
          ) : null}
        </fieldset>
        <p className="text-base text-slate-700">
          {t("invite.client.whoWhy", { context, firm: preview.firm.name })}
        </p>
        <Button type="submit" className="min-h-12! w-full text-lg!">
          {t("invite.client.whoContinue")}
        </Button>
      </form>
    </Card>
  );
}
