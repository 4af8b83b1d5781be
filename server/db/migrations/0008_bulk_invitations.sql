CREATE TABLE "bulk_invitation_runs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"options" jsonb NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"skips" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_invitation_runs_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "bulk_invitation_runs_status_check" CHECK ("bulk_invitation_runs"."status" in ('running', 'done', 'failed'))
);
