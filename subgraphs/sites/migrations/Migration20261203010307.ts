import { Migration } from '@mikro-orm/migrations';

export class Migration20261203010307 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "sites";`);
    this.addSql(`create table "sites"."generation_event" ("version_id" uuid not null, "sequence" int not null, "site_id" uuid not null, "step" varchar(12) null, "status" varchar(12) not null, "done" int not null, "total" int not null, "message" varchar(500) not null, "at" timestamptz not null, constraint "generation_event_pkey" primary key ("version_id", "sequence"));`);

    this.addSql(`create table "sites"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "sites"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "sites"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "sites"."secret" ("name" varchar(64) not null, "value" varchar(128) not null, constraint "secret_pkey" primary key ("name"));`);

    this.addSql(`create table "sites"."site" ("id" uuid not null, "owner_id" uuid not null, "name" varchar(120) not null, "named" boolean not null default false, "prompt" text not null, "style" varchar(16) not null, "options" jsonb not null, "version_count" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "site_pkey" primary key ("id"));`);
    this.addSql(`create index "site_owner_id_created_at_id_index" on "sites"."site" ("owner_id", "created_at", "id");`);

    this.addSql(`create table "sites"."site_file" ("version_id" uuid not null, "path" varchar(64) not null, "kind" varchar(12) not null, "title" varchar(200) null, "content" text null, "storage_key" varchar(512) null, "bytes" int not null, constraint "site_file_pkey" primary key ("version_id", "path"));`);

    this.addSql(`create table "sites"."site_version" ("id" uuid not null, "site_id" uuid not null, "owner_id" uuid not null, "number" int not null, "kind" varchar(8) not null, "page_path" varchar(64) null, "based_on_id" uuid null, "instructions" text null, "status" varchar(12) not null default 'QUEUED', "step" varchar(12) null, "plan" jsonb null, "repairs" jsonb not null, "tokens" int not null default 0, "simulated" boolean not null default false, "error" text null, "archive_media_id" uuid null, "attempts" int not null default 0, "lease_owner" varchar(64) null, "lease_until" timestamptz null, "cancel_requested" boolean not null default false, "last_sequence" int not null default 0, "created_at" timestamptz not null, "started_at" timestamptz null, "completed_at" timestamptz null, constraint "site_version_pkey" primary key ("id"));`);
    this.addSql(`create index "site_version_status_lease_until_index" on "sites"."site_version" ("status", "lease_until");`);
    this.addSql(`alter table "sites"."site_version" add constraint "site_version_site_id_number_unique" unique ("site_id", "number");`);

    this.addSql(`create table "sites"."usage_allowance" ("user_id" uuid not null, "plan" varchar(64) not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "ai_tokens_limit" bigint null, "image_generations_limit" bigint null, "site_generations_limit" bigint null, "storage_bytes_limit" bigint null, "event_id" varchar(255) not null, "event_occurred_at" timestamptz not null, "updated_at" timestamptz not null, constraint "usage_allowance_pkey" primary key ("user_id"));`);

    this.addSql(`create table "sites"."usage_counter" ("user_id" uuid not null, "meter" varchar(32) not null, "period_start" timestamptz not null, "used" bigint not null, constraint "usage_counter_pkey" primary key ("user_id", "meter", "period_start"));`);

    this.addSql(`create table "sites"."usage_spend" ("meter" varchar(32) not null, "key" varchar(255) not null, "user_id" uuid not null, "amount" bigint not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "period_limit" bigint null, "used" bigint not null, "created_at" timestamptz not null, constraint "usage_spend_pkey" primary key ("meter", "key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sites"."generation_event" cascade;`);

    this.addSql(`drop table if exists "sites"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "sites"."processed_event" cascade;`);

    this.addSql(`drop table if exists "sites"."secret" cascade;`);

    this.addSql(`drop table if exists "sites"."site" cascade;`);

    this.addSql(`drop table if exists "sites"."site_file" cascade;`);

    this.addSql(`drop table if exists "sites"."site_version" cascade;`);

    this.addSql(`drop table if exists "sites"."usage_allowance" cascade;`);

    this.addSql(`drop table if exists "sites"."usage_counter" cascade;`);

    this.addSql(`drop table if exists "sites"."usage_spend" cascade;`);

    this.addSql(`drop schema if exists "sites";`);
  }

}
