import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import { setUiLanguage } from "../i18n/i18n";
import { brandColours } from "../portal/branding";
import { ApiError } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { useDocumentTitle } from "../ui/use-document-title";
import { clientInvitationKey, peekClientInvitation } from "./client-invite-api";
import { ClientInviteForm } from "./client-invite-form";
import { ClientInvitePersonStep, type InvitedPerson } from "./client-invite-person";
import { ClientInvitePhoneStep, useAfterAccept } from "./client-invite-phone";
import { ClientInviteProtectStep } from "./client-invite-protect";

/** The token from `#token=…`; read once, before the address bar is cleaned. */
function readTokenFromFragment(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  return fragment.get("token");
}

/**
 * `/invite/client#token=…` (PORTAL-1): a client registers from an invitation link. The page speaks the
 * invitation's language (switchable), greets the person in the firm's colour, says in plain words what
 * the portal is — first asking which person is registering when the invitation went to an address
 * several persons share — and asks for a name and a password — or, when the email already has an account, for
 * that account's password. Then, unless the account already has one, the mobile number is confirmed by
 * an SMS code (step 2, seed 003: email and phone are both needed to sign in); then, when the firm asks
 * for a second factor (FIRM-3) and the account has none, "Protect your sign-in" (step 3); then the
 * portal opens.
 * Built for phones and for readers who need large text: one column, large fields and buttons. A link
 * that no longer works gets a friendly page saying what to do.
 */
export function ClientInvitePage() {
  const { t } = useTranslation();
  const [token, setToken] = useState(readTokenFromFragment);
  useDocumentTitle(t("invite.client.title"));

  // SEC-6: the token leaves the address bar at once, so it is neither bookmarked nor shared by accident.
  // Another link opened in this tab only changes the fragment: its token replaces the one held.
  useEffect(() => {
    const clean = () => {
      if (window.location.hash)
        window.history.replaceState(
          window.history.state,
          "",
          window.location.pathname + window.location.search,
        );
    };
    clean();
    const onHashChange = () => {
      const next = readTokenFromFragment();
      clean();
      if (next) setToken(next);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  const preview = useQuery({
    queryKey: [...clientInvitationKey, token],
    queryFn: ({ signal }) => peekClientInvitation(token ?? "", signal),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  // The invited person reads the page in the language the firm chose for them (they may switch).
  const invitedLanguage = preview.data?.language;
  useEffect(() => {
    if (invitedLanguage) setUiLanguage(invitedLanguage);
  }, [invitedLanguage]);

  return (
    <PublicLayout>
      {!token ? (
        <Gone title={t("invite.client.missingTitle")} body={t("invite.client.missingBody")} />
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        preview.error instanceof ApiError && preview.error.status === 404 ? (
          <Gone title={t("invite.client.goneTitle")} body={preview.error.message} signIn />
        ) : (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : (
        <Welcome key={token} token={token} preview={preview.data} />
      )}
    </PublicLayout>
  );
}

/** A link that does not work (incomplete, used, replaced, withdrawn, expired): what to do now. */
function Gone({ title, body, signIn = false }: { title: string; body: string; signIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-5 text-lg text-slate-800">
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      {signIn ? (
        <>
          <p>{t("invite.client.goneSignedUp")}</p>
          <Button asChild variant="secondary" className="min-h-12! w-full text-lg! sm:w-auto sm:self-start">
            <Link to="/portal">{t("invite.client.toSignIn")}</Link>
          </Button>
        </>
      ) : null}
    </Card>
  );
}

/**
 * The firm's name on its own colour (with a text colour that reads on it), and the greeting with the
 * registration form; once accepted, the mobile number step under the same banner.
 */
function Welcome({ token, preview }: { token: string; preview: ClientInvitationPreview }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<"person" | "register" | "phone" | "protect">(
    preview.persons.length > 0 ? "person" : "register",
  );
  // PORTAL-1: over a shared address, the person chosen in the first step; the form registers them.
  const [person, setPerson] = useState<InvitedPerson>();
  const { needsPhone, needsProtection, finish } = useAfterAccept();
  // The password just typed, only for switching on the second factor in step 3; never stored.
  const password = useRef("");
  const colours = brandColours(preview.firm.primaryColor);
  const context = preview.salutation;
  const firm = preview.firm.name;
  const expires = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "long" }).format(
    new Date(preview.expiresAt),
  );
  const afterPhone = async () => {
    if (await needsProtection(preview.secondFactorPolicy)) setStep("protect");
    else await done();
  };
  const done = async () => {
    password.current = "";
    await finish();
  };
  const onAccepted = async (typed: string) => {
    password.current = typed;
    if (await needsPhone()) setStep("phone");
    else await afterPhone();
  };
  const banner = (
    <div
      data-testid="invitation-firm"
      className="rounded-xl px-5 py-4 shadow-sm"
      style={{ backgroundColor: colours.background, color: colours.text }}
    >
      <p className="text-base opacity-90">{t("invite.client.portalOf")}</p>
      <p className="text-2xl font-semibold break-words">{firm}</p>
    </div>
  );
  if (step === "person")
    return (
      <div className="flex flex-col gap-5 text-lg text-slate-800">
        {banner}
        <ClientInvitePersonStep
          preview={preview}
          chosen={person}
          onChosen={(chosen) => {
            setPerson(chosen);
            setStep("register");
          }}
        />
      </div>
    );
  if (step === "phone")
    return (
      <div className="flex flex-col gap-5 text-lg text-slate-800">
        {banner}
        <ClientInvitePhoneStep preview={preview} onConfirmed={afterPhone} />
      </div>
    );
  if (step === "protect")
    return (
      <div className="flex flex-col gap-5 text-lg text-slate-800">
        {banner}
        <ClientInviteProtectStep preview={preview} password={password.current} onDone={done} />
      </div>
    );
  return (
    <div className="flex flex-col gap-5 text-lg text-slate-800">
      {banner}
      <Card className="flex flex-col gap-4">
        <PageHeading className="text-3xl break-words">
          {t("invite.client.welcome", { name: person?.name ?? preview.name })}
        </PageHeading>
        {person ? (
          <Button
            variant="ghost"
            className="min-h-12! self-start text-base!"
            onClick={() => setStep("person")}
          >
            {t("invite.client.notThisPerson", { name: person.name })}
          </Button>
        ) : null}
        <p>{t("invite.client.intro", { firm, context })}</p>
        <p>{t("invite.client.whatIs", { firm, context })}</p>
      </Card>
      <Card className="flex flex-col gap-4">
        <ClientInviteForm
          key={person?.id}
          token={token}
          preview={preview}
          person={person}
          onAccepted={onAccepted}
        />
      </Card>
      <p className="px-1 text-base text-slate-700">{t("invite.client.expires", { date: expires })}</p>
    </div>
  );
}
