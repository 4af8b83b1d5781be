import { createRoute } from "@tanstack/react-router";
import { staffRoute } from "../routes";
import { GrantEditorPage } from "./grant-editor-page";

/** `/app/grants/$grantId`: the grant editor. */
export const grantRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/grants/$grantId",
  component: GrantRoute,
});

function GrantRoute() {
  const { grantId } = grantRoute.useParams();
  // Another grant is another draft: the editor starts fresh.
  return <GrantEditorPage key={grantId} grantId={grantId} />;
}
