import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadError } from "./load-error";
import { Loading } from "./loading";

/** A query's loading spinner, its load error with a retry, or `children` given the loaded data. */
export function QueryView<T>({
  query,
  heading = "h2",
  children,
}: {
  query: UseQueryResult<T>;
  /** The level of the load error's heading; "h2" inside a page that has its own <h1>. */
  heading?: "h1" | "h2";
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError)
    return <LoadError heading={heading} error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
