import { createRoute } from "@tanstack/react-router";
import { staffRoute } from "../routes";
import { ClientFilePage } from "./client-file-page";
import { ClientListPage } from "./client-list-page";

/** `/app/clients`: the client list. */
export const clientsRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/clients",
  component: ClientListPage,
});

/** `/app/clients/$fileId`: one client file. */
export const clientFileRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/clients/$fileId",
  component: ClientFileRoute,
});

function ClientFileRoute() {
  const { fileId } = clientFileRoute.useParams();
  // A new file id is a new page: the tabs and forms start fresh.
  return <ClientFilePage key={fileId} fileId={fileId} />;
}
