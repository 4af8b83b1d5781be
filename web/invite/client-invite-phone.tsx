import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ClientInvitationPreview } from "../../contracts/invitations";
import type { AccountPhone } from "../../contracts/phone";
import {
  accountPhoneKey,
  accountPhoneQuery,
  defaultPhoneCountry,
  isPhoneConfirmed,
} from "../account/phone-api";
import { PhoneConfirm } from "../account/phone-confirm";
import { meetsPolicy, secondFactorQuery } from "../account/second-factor-api";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";
import { clientInvitationKey } from "./client-invite-api";

/**
 * What comes after a successful accept (the person is signed in): `needsPhone` answers whether the
 * account still has to confirm a mobile number (a failed look-up counts as "yes": the step is required);
 * `needsProtection` whether the sign-in protection step follows (the firm's policy, the account's factor);
 * `finish` opens the portal and then forgets the used link.
 */
export function useAfterAccept() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const needsPhone = useCallback(async () => {
    const phone = await queryClient
      .fetchQuery({ ...accountPhoneQuery, staleTime: 0 })
      .catch((): AccountPhone | null => null);
    return !isPhoneConfirmed(phone);
  }, [queryClient]);
  // Step 3 when the firm asks for a second factor the account lacks (a failed look-up: ask).
  const needsProtection = useCallback(
    async (policy: ClientInvitationPreview["secondFactorPolicy"]) => {
      if (policy === "none") return false;
      const state = await queryClient.fetchQuery({ ...secondFactorQuery, staleTime: 0 }).catch(() => null);
      // The kind the firm asks for (a passkey, say) may be missing even when another factor is on.
      return state === null || !meetsPolicy(policy, state);
    },
    [queryClient],
  );
  const finish = useCallback(async () => {
    await navigate({ to: "/portal", replace: true });
    // Only now: while the page shows, its preview must stay (the used link would read as gone).
    queryClient.removeQueries({ queryKey: clientInvitationKey });
  }, [navigate, queryClient]);
  return { needsPhone, needsProtection, finish };
}

/**
 * Registration, step 2 (PORTAL-1, seed 003: email and phone are both needed to sign in): "Confirm your
 * mobile number", in the invitation's language and salutation, the country preselected from the
 * invitation's language (de → DE, fr → FR, en → GB), nothing prefilled. Required: no "later".
 * On success the portal opens.
 */
export function ClientInvitePhoneStep({
  preview,
  onConfirmed,
}: {
  preview: ClientInvitationPreview;
  onConfirmed: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const context = preview.salutation;
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading className="text-3xl break-words">{t("invite.client.phoneTitle", { context })}</PageHeading>
      <p>{t("invite.client.phoneIntro", { context })}</p>
      <PhoneConfirm
        defaultCountry={defaultPhoneCountry(preview.language)}
        context={context}
        onConfirmed={async (phone) => {
          queryClient.setQueryData(accountPhoneKey, phone);
          await onConfirmed();
        }}
      />
    </Card>
  );
}
